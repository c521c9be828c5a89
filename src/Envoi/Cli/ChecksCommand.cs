using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi checks list</c>: every send-safety check and what the policy does with it.</summary>
public static class ChecksCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "Every send-safety check: its action for everyone and per group (configuration section Checks).") { json };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var policy = services.GetRequiredService<SendSafetyChecks>().Policy();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(policy.Select(line => new
                {
                    line.Id, line.Description, DefaultAction = Wire(line.DefaultAction), Action = Wire(line.Action),
                    Groups = line.Groups.ToDictionary(g => g.Key, g => Wire(g.Value)),
                }), CliJson.Options));
                return 0;
            }
            foreach (var line in policy)
            {
                var groups = string.Join(", ", line.Groups.Select(g => $"{g.Key}={Wire(g.Value)}"));
                Console.WriteLine($"{line.Id,-22} {Wire(line.Action),-7} {(groups.Length > 0 ? groups : "-"),-20} {line.Description}");
            }
            return 0;
        });
        return new Command("checks", "The send-safety checks run on every message at end of DATA.") { list };
    }

    private static string Wire(CheckAction action) => action.ToString().ToLowerInvariant();
}
