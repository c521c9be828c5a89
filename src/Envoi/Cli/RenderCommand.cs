using System.CommandLine;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi render EMAIL</c>: the signature the gateway would add for this sender, and why.</summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The sender (an employee's address or alias)." };
        var to = new Option<string[]>("--to") { Description = "Recipients (several allowed); default: a colleague.", AllowMultipleArgumentsPerToken = true };
        var kind = new Option<string>("--kind") { Description = "new, reply or forward.", DefaultValueFactory = _ => "new" };
        var format = new Option<string>("--format") { Description = "html or text.", DefaultValueFactory = _ => "html" };
        var explain = new Option<bool>("--explain") { Description = "Say which rule or choice decided, and why earlier rules did not apply." };
        var signature = new Option<string?>("--signature") { Description = "As if the message carried X-Envoi-Signature: NAME." };
        var command = new Command("render", "Print the signature a sender's message would get.") { email, to, kind, format, explain, signature };
        command.SetAction(async (parse, ct) =>
        {
            if (!Enum.TryParse<MessageKind>(parse.GetValue(kind), ignoreCase: true, out var messageKind) || int.TryParse(parse.GetValue(kind), out _))
            { Console.Error.WriteLine("envoi: --kind must be new, reply or forward."); return 2; }
            var asText = parse.GetValue(format)!.ToLowerInvariant() switch { "html" => false, "text" => true, _ => (bool?)null };
            if (asText is null) { Console.Error.WriteLine("envoi: --format must be html or text."); return 2; }
            var recipients = (parse.GetValue(to) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (recipients.FirstOrDefault(r => !r.Contains('@')) is { } bad) { Console.Error.WriteLine($"envoi: '{bad}' is not an email address."); return 2; }

            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var result = await services.GetRequiredService<SignaturePreview>().PreviewAsync(parse.GetValue(email)!.Trim(), recipients, messageKind, parse.GetValue(signature), ct);
            var failed = false;
            foreach (var copy in result.Copies)
            {
                if (result.Copies.Count > 1) Console.WriteLine($"=== copy for {string.Join(", ", copy.Decision.Recipients)}");
                if (parse.GetValue(explain))
                {
                    foreach (var line in copy.Decision.Trace) Console.Error.WriteLine($"  {line}");
                    Console.Error.WriteLine($"→ {(copy.Decision.Template is { } t ? $"signature '{t.Name}'" : "no signature")}: {copy.Decision.Reason}");
                }
                if (copy.Error is not null) { Console.Error.WriteLine($"envoi: signature '{copy.Decision.Template?.Name}' cannot be rendered: {copy.Error}"); failed = true; continue; }
                if (copy.Rendered is { } rendered) Console.WriteLine(asText.Value ? rendered.Text : rendered.Html);
                else if (!parse.GetValue(explain)) Console.Error.WriteLine($"No signature: {copy.Decision.Reason}.");
            }
            return failed ? 1 : 0;
        });
        return command;
    }
}
