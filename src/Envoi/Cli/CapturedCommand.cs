using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Capture;
using Envoi.Hosting;

namespace Envoi.Cli;

/// <summary><c>envoi captured …</c>: mail kept in the data directory when no upstream is configured.</summary>
public static class CapturedCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json");
        var list = new Command("list", "List captured messages.") { json };
        list.SetAction(parse =>
        {
            var captured = new CapturedMail(Path.GetFullPath(GlobalOptions.Settings(parse).DataDirectory)).List();
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(captured, CliJson.Options));
            else if (captured.Count == 0) Console.WriteLine("No captured mail.");
            else foreach (var c in captured)
                Console.WriteLine($"{c.Name,-20} {c.CapturedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {c.Sender} -> {string.Join(", ", c.Recipients)}  {c.Subject}");
            return 0;
        });

        var name = new Argument<string>("NAME");
        var show = new Command("show", "Print a captured message as it would have been sent.") { name };
        show.SetAction(parse =>
        {
            var path = new CapturedMail(Path.GetFullPath(GlobalOptions.Settings(parse).DataDirectory)).PathOf(parse.GetValue(name)!);
            if (path is null) { Console.Error.WriteLine($"No captured message {parse.GetValue(name)}."); return 1; }
            using var stdout = Console.OpenStandardOutput();
            using var file = File.OpenRead(path);
            file.CopyTo(stdout);
            return 0;
        });
        return new Command("captured", "Mail captured instead of relayed (no upstream configured).") { list, show };
    }
}
