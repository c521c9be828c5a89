using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Campaigns;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi campaigns list|create|pause|resume</c>: the same services as <c>/api/campaigns</c>.</summary>
public static class CampaignsCommand
{
    public static Command Create()
    {
        var command = new Command("campaigns", "Banner campaigns shown in signatures' banner slots.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(CreateCampaign());
        command.Subcommands.Add(Pause("pause", true));
        command.Subcommands.Add(Pause("resume", false));
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json");
        var command = new Command("list", "List campaigns with their period and state.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var campaigns = await services.GetRequiredService<ICampaignStore>().ListAsync(ct);
            var now = DateTimeOffset.UtcNow;
            string StateOf(Campaign c) => c.Paused ? "paused" : c.RunsAt(now) ? "running" : now < c.Schedule.StartUtc ? "scheduled" : "ended";
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(campaigns.Select(c => new
                {
                    c.Name, State = StateOf(c), c.Schedule.Start, c.Schedule.End, c.Schedule.TimeZone, c.Schedule.StartUtc, c.Schedule.EndUtc,
                    c.Targeting, c.Banners, c.Utm,
                }), CliJson.Options));
                return 0;
            }
            if (campaigns.Count == 0) Console.Error.WriteLine("No campaigns yet: envoi campaigns create NAME --image FILE --link URL --start … --end …");
            foreach (var c in campaigns)
                Console.WriteLine($"{c.Name,-24} {StateOf(c),-9} {c.Schedule.Start:yyyy-MM-dd HH:mm} – {c.Schedule.End:yyyy-MM-dd HH:mm} {c.Schedule.TimeZone,-16} {c.Banners.Count} banner(s)");
            return 0;
        });
        return command;
    }

    private static Command CreateCampaign()
    {
        var name = new Argument<string>("NAME");
        var image = new Option<FileInfo>("--image") { Description = "Banner image (PNG, JPEG or GIF); uploaded as an asset under its file name.", Required = true };
        var link = new Option<string>("--link") { Description = "Where the banner leads (http or https).", Required = true };
        var alt = new Option<string>("--alt") { Description = "Alternative text.", DefaultValueFactory = _ => "" };
        var width = new Option<int>("--width") { DefaultValueFactory = _ => 600 };
        var height = new Option<int>("--height") { DefaultValueFactory = _ => 120 };
        var start = new Option<DateTime>("--start") { Description = "Local start, e.g. 2026-12-01T09:00.", Required = true };
        var end = new Option<DateTime>("--end") { Description = "Local end (exclusive).", Required = true };
        var zone = new Option<string>("--time-zone") { Description = "IANA time zone of --start and --end.", DefaultValueFactory = _ => "UTC" };
        var groups = new Option<string[]>("--group") { Description = "Only senders in this group (repeatable).", AllowMultipleArgumentsPerToken = true };
        var departments = new Option<string[]>("--department") { Description = "Only senders of this department (repeatable).", AllowMultipleArgumentsPerToken = true };
        var subsidiaries = new Option<string[]>("--subsidiary") { Description = "Only senders of this subsidiary (repeatable).", AllowMultipleArgumentsPerToken = true };
        var external = new Option<bool>("--external-only") { Description = "Only messages with at least one external recipient." };
        var json = new Option<FileInfo?>("--banners") { Description = "JSON array of banners for an A/B test ([{image, link, alt, width, height, weight}]), replacing --image/--link." };
        var utm = new Option<string[]>("--utm") { Description = "utm_source=signature (repeatable): added to the banner link.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create", "Create or replace a campaign.") { name, image, link, alt, width, height, start, end, zone, groups, departments, subsidiaries, external, json, utm };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var file = parse.GetValue(image)!;
            if (!file.Exists) { Console.Error.WriteLine($"envoi: {file.FullName} does not exist."); return 2; }
            var content = await File.ReadAllBytesAsync(file.FullName, ct);
            var (type, problem) = CampaignValidator.CheckImage(file.Name, content);
            if (type is null) { Console.Error.WriteLine($"envoi: {problem}"); return 1; }
            await services.GetRequiredService<ISignatureAssetStore>().SaveAsync(new SignatureAsset(file.Name, type, content), ct);

            IReadOnlyList<Banner> banners = [new Banner(file.Name, parse.GetValue(link)!, parse.GetValue(alt)!, parse.GetValue(width), parse.GetValue(height))];
            if (parse.GetValue(json) is { } bannersFile)
                banners = JsonSerializer.Deserialize<List<Banner>>(await File.ReadAllTextAsync(bannersFile.FullName, ct), CliJson.Options) ?? [];
            var utmValues = (parse.GetValue(utm) ?? []).Select(u => u.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
            var campaign = new Campaign(parse.GetValue(name)!, new CampaignSchedule(parse.GetValue(start), parse.GetValue(end), parse.GetValue(zone)!),
                new CampaignTargeting(parse.GetValue(groups) ?? [], parse.GetValue(departments) ?? [], parse.GetValue(subsidiaries) ?? [], parse.GetValue(external)),
                banners, utmValues);
            var (saved, problems) = await services.GetRequiredService<CampaignAdministration>().SaveAsync("cli", campaign, ct);
            foreach (var p in problems) Console.Error.WriteLine(p);
            if (saved is null) { Console.Error.WriteLine("envoi: the campaign was not saved."); return 1; }
            Console.WriteLine($"Campaign '{saved.Name}' saved: {saved.Schedule.StartUtc:u} – {saved.Schedule.EndUtc:u} (UTC).");
            return 0;
        });
        return command;
    }

    private static Command Pause(string verb, bool paused)
    {
        var name = new Argument<string>("NAME");
        var command = new Command(verb, paused ? "Stop showing a campaign's banner (until resumed)." : "Show a paused campaign's banner again.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            if (!await services.GetRequiredService<CampaignAdministration>().SetPausedAsync("cli", parse.GetValue(name)!, paused, ct))
            {
                Console.Error.WriteLine($"envoi: no campaign named '{parse.GetValue(name)}'.");
                return 2;
            }
            Console.WriteLine($"Campaign '{parse.GetValue(name)}' {(paused ? "paused" : "resumed")}.");
            return 0;
        });
        return command;
    }
}
