using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Storage;
using Envoi.Mail.Spool;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi storage</c>: how much each store holds; <c>envoi storage purge</c>: apply the retention now.</summary>
public static class StorageCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json");
        var command = new Command("storage", "Show the size of each store (database tables, spool, captured mail) and the retention.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var report = await services.GetRequiredService<StorageSurvey>().MeasureAsync(ct);
            if (parse.GetValue(json)) { Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options)); return 0; }
            Console.WriteLine($"{"Store",-32} {"Items",14} {"Size",12}  Where");
            foreach (var s in report.Stores)
                Console.WriteLine($"{s.Name,-32} {(s.ItemKind.Length == 0 ? "" : $"{s.Items:N0} {s.ItemKind}"),14} {(s.Bytes is { } b ? Human(b) : "-"),12}  {s.Location}");
            Console.WriteLine(report.Retention > TimeSpan.Zero
                ? $"Finished messages are purged {report.Retention.TotalDays:0.##} days after they were received (Queue:Retention); statistics roll-ups are kept."
                : "Finished messages are kept forever (Queue:Retention is 0).");
            return 0;
        });

        var purge = new Command("purge", "Purge finished messages older than Queue:Retention now, instead of at the next hourly pass.");
        purge.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var purged = await services.GetRequiredService<RetentionPurge>().RunAsync(ct);
            Console.WriteLine($"Purged {purged} finished messages.");
            return 0;
        });
        command.Subcommands.Add(purge);
        return command;
    }

    private static string Human(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes} B",
    };
}
