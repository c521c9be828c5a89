using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Core.Green.Images;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Rules;
using Envoi.Core.Signatures.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi signatures …</c>: templates, images, rules and who may use which signature (the same services as the REST API).</summary>
public static class SignaturesCommand
{
    public static Command Create()
    {
        var command = new Command("signatures", "Manage signature templates, images, rules and employees' choices.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Delete());
        command.Subcommands.Add(Rules());
        command.Subcommands.Add(Allow());
        command.Subcommands.Add(Assets());
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (with the sources) instead of a table." };
        var command = new Command("list", "List the signature templates.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var templates = await services.GetRequiredService<ISignatureStore>().TemplatesAsync(ct);
            if (parse.GetValue(json)) { Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(templates, CliJson.Options)); return 0; }
            if (templates.Count == 0) Console.Error.WriteLine("No signatures yet: envoi signatures set NAME --html FILE --text FILE");
            foreach (var t in templates)
                Console.WriteLine($"{t.Name,-24} {(t.Images == ImageMode.Embedded ? "embedded" : "hosted"),-9} {t.Html.Length,7} chars  {t.Description}");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME");
        var format = new Option<string>("--format") { Description = "html or text.", DefaultValueFactory = _ => "html" };
        var command = new Command("show", "Print a template's Liquid source.") { name, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var template = await services.GetRequiredService<ISignatureStore>().TemplateAsync(parse.GetValue(name)!, ct);
            if (template is null) { Console.Error.WriteLine($"envoi: no signature named '{parse.GetValue(name)}'."); return 2; }
            Console.WriteLine(parse.GetValue(format) == "text" ? template.Text : template.Html);
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var name = new Argument<string>("NAME");
        var html = new Option<FileInfo>("--html") { Description = "Liquid source of the HTML form.", Required = true };
        var text = new Option<FileInfo>("--text") { Description = "Liquid source of the plain-text form.", Required = true };
        var embedded = new Option<bool>("--embedded") { Description = "Embed /assets images in each message (CID) instead of linking them." };
        var description = new Option<string?>("--description");
        var command = new Command("set", "Create or replace a signature; refused with line and column when the template is broken.") { name, html, text, embedded, description };
        command.SetAction(async (parse, ct) =>
        {
            foreach (var file in new[] { parse.GetValue(html)!, parse.GetValue(text)! })
                if (!file.Exists) { Console.Error.WriteLine($"envoi: {file.FullName} does not exist."); return 2; }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var template = new SignatureTemplate(parse.GetValue(name)!, await File.ReadAllTextAsync(parse.GetValue(html)!.FullName, ct),
                await File.ReadAllTextAsync(parse.GetValue(text)!.FullName, ct), parse.GetValue(embedded) ? ImageMode.Embedded : ImageMode.Hosted, parse.GetValue(description));
            var (result, report) = await services.GetRequiredService<SignatureAdministration>().SaveTemplateAsync("cli", template, ct);
            foreach (var issue in report?.Issues ?? []) Console.Error.WriteLine(issue);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems.Where(p => report is null || !report.Issues.Any(i => i.ToString() == p))) Console.Error.WriteLine(problem);
                Console.Error.WriteLine($"envoi: {result.Message}");
                return 1;
            }
            Console.WriteLine($"{result.Message} HTML {report?.HtmlBytes:N0} bytes, embedded images {report?.ImageBytes:N0} bytes.");
            return 0;
        });
        return command;
    }

    private static Command Delete()
    {
        var name = new Argument<string>("NAME");
        var command = new Command("delete", "Delete a signature no rule uses.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            return Report(await services.GetRequiredService<SignatureAdministration>().DeleteTemplateAsync("cli", parse.GetValue(name)!, ct));
        });
        return command;
    }

    private static Command Rules()
    {
        var show = new Command("show", "Print the rules as JSON (the format 'rules set' reads).");
        show.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            Console.WriteLine(JsonSerializer.Serialize(await services.GetRequiredService<ISignatureStore>().RulesAsync(ct), RulesJson.Options));
            return 0;
        });
        var file = new Argument<FileInfo>("FILE") { Description = "A JSON array of rules, tried in order." };
        var set = new Command("set", "Replace the whole rule list.") { file };
        set.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"envoi: {path.FullName} does not exist."); return 2; }
            var (rules, error) = RulesJson.Read(await File.ReadAllTextAsync(path.FullName, ct));
            if (rules is null) { Console.Error.WriteLine($"envoi: {path.Name}: {error}"); return 2; }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            return Report(await services.GetRequiredService<SignatureAdministration>().SaveRulesAsync("cli", rules, ct));
        });
        return new Command("rules", "The ordered rules that pick a signature (first match wins).") { show, set };
    }

    private static Command Allow()
    {
        var email = new Argument<string>("EMAIL");
        var names = new Argument<string[]>("NAME") { Description = "Signatures the employee may choose (\"none\" lets them send without); none given: no personal choice.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("allow", "Set the signatures an employee may choose from.") { email, names };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            return Report(await services.GetRequiredService<SignatureAdministration>().SetAllowedAsync("cli", parse.GetValue(email)!, parse.GetValue(names) ?? [], ct));
        });
        return command;
    }

    private static Command Assets()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A PNG, JPEG or GIF image." };
        var name = new Option<string?>("--name") { Description = "Name under /assets/ (default: the file name)." };
        var add = new Command("add", "Upload an image that templates can show (served at /assets/NAME).") { file, name };
        add.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"envoi: {path.FullName} does not exist."); return 2; }
            var assetName = parse.GetValue(name) ?? path.Name;
            var content = await File.ReadAllBytesAsync(path.FullName, ct);
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            // Green IT: refused when unsafe (bomb, corrupt, truncated), optimized otherwise; the original is kept.
            var (image, problem) = await services.GetRequiredService<SignatureImages>().UploadAsync(assetName, content, ct);
            if (image is null) { Console.Error.WriteLine($"envoi: {path.Name}: {problem}"); return 2; }
            Console.WriteLine($"Saved /assets/{assetName} ({image.ContentType}, {image.Bytes:N0} bytes, uploaded {image.OriginalBytes:N0}: {image.Note}).");
            return 0;
        });
        var listJson = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List the uploaded images.") { listJson };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var assets = await services.GetRequiredService<ISignatureAssetStore>().ListAsync(ct);
            if (parse.GetValue(listJson)) { Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(assets, CliJson.Options)); return 0; }
            foreach (var asset in assets)
                Console.WriteLine($"{asset.Name,-32} {asset.ContentType,-11} {asset.Bytes,9:N0} bytes");
            return 0;
        });
        return new Command("assets", "Images for signatures.") { add, list };
    }

    private static int Report(DirectoryResult result)
    {
        if (result.Succeeded) { Console.WriteLine(result.Message); return 0; }
        foreach (var problem in result.Problems.Where(p => p != result.Message)) Console.Error.WriteLine($"  {problem}");
        Console.Error.WriteLine($"envoi: {result.Message}");
        return result.Outcome == DirectoryOutcome.NotFound ? 2 : 1;
    }
}
