using System.CommandLine;
using Envoi.Core.Signatures.Model;
using Envoi.Core;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using MimeKit;

namespace Envoi.Cli;

/// <summary>
/// <c>envoi inject --html FILE --text FILE [--name NAME] &lt; in.eml &gt; out.eml</c>: puts a signature
/// into one message exactly as the gateway would, to try a template on real mail.
/// </summary>
public static class InjectCommand
{
    public static Command Create()
    {
        var html = new Option<FileInfo>("--html") { Description = "The signature's HTML form.", Required = true };
        var text = new Option<FileInfo>("--text") { Description = "The signature's plain-text form.", Required = true };
        var name = new Option<string>("--name") { Description = "Signature name, kept in the HTML marker.", DefaultValueFactory = _ => "default" };
        var command = new Command("inject", "Add a signature to the message on standard input and write it to standard output.") { html, text, name };
        command.SetAction(parse =>
        {
            var signature = RenderedSignature.FromParts(parse.GetValue(name)!, Read(parse.GetValue(html)!), Read(parse.GetValue(text)!));
            var message = ReadMessage();
            var result = SignatureInjector.Inject(message, signature);

            // Written in full before anything reaches stdout, so a failure never leaves half a message.
            using var output = new MemoryStream();
            message.WriteTo(WireFormat.Options, output);
            using var stdout = Console.OpenStandardOutput();
            output.Position = 0;
            output.CopyTo(stdout);
            Console.Error.WriteLine(result.Explanation);
            return 0;
        });
        return command;
    }

    private static string Read(FileInfo file) =>
        file.Exists ? File.ReadAllText(file.FullName) : throw new FileNotFoundException($"{file.FullName}: no such file.");

    private static MimeMessage ReadMessage()
    {
        using var input = new MemoryStream();
        using (var stdin = Console.OpenStandardInput()) stdin.CopyTo(input);
        input.Position = 0;
        try
        {
            var message = MimeMessage.Load(input);
            if (message.Headers.Count == 0 || message.Body is null) throw new FormatException("no header");
            return message;
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("standard input is not a MIME message (expected headers, a blank line, then the body).");
        }
    }
}
