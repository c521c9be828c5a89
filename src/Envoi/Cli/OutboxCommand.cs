using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Web.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi outbox …</c>: the operator's view of every message (the same service as the REST API).</summary>
public static class OutboxCommand
{
    public static Command Create()
    {
        var command = new Command("outbox", "List, cancel, release or reschedule queued messages.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Action("cancel", "Cancel a held or scheduled message (or recall pending recipients).", (o, id, parse, ct) => o.CancelAsync(Actor.Operator, id, parse.GetValue(ReturnOption), ct), ReturnOption));
        command.Subcommands.Add(Action("send-now", "Release a held, scheduled or deferred message now.", (o, id, _, ct) => o.SendNowAsync(Actor.Operator, id, ct)));
        command.Subcommands.Add(Reschedule());
        command.Subcommands.Add(Action("confirm", "Send a message a send-safety check is holding for confirmation.", (o, id, _, ct) => o.ConfirmAsync(Actor.Operator, id, ct)));
        return command;
    }

    private static readonly Option<bool> ReturnOption = new("--return") { Description = "Send the cancelled message back to its sender for editing." };

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array (id, from, recipients, status, releaseAt, …)." };
        var status = new Option<string[]>("--status") { Description = "Only these statuses (held, scheduled, awaiting-confirmation, relaying, relayed, deferred, failed, cancelled).", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 200 };
        var command = new Command("list", "List messages, newest first.") { json, status, limit };
        command.SetAction(async (parse, ct) =>
        {
            var statuses = new List<MessageStatus>();
            foreach (var name in (parse.GetValue(status) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (StatusNames.FromWire(name) is not { } parsed)
                {
                    Console.Error.WriteLine($"Unknown status '{name}'.");
                    return 2;
                }
                statuses.Add(parsed);
            }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var entries = await services.GetRequiredService<OutboxService>().ListAsync(Actor.Operator, statuses, parse.GetValue(limit), ct);
            var dtos = entries.Select(OutboxMessageDto.Of).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(dtos, CliJson.Options));
                return 0;
            }
            if (dtos.Count == 0) Console.WriteLine("The outbox is empty.");
            foreach (var m in dtos)
            {
                var when = m.Status is "held" or "scheduled" ? $"in {m.SecondsLeft:0}s" : m.ReleaseAt.ToLocalTime().ToString("HH:mm:ss");
                Console.WriteLine($"{m.Id}  {m.Status,-9} {when,-9} {m.From} -> {string.Join(", ", m.Recipients)}  {m.Subject}");
            }
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID");
        var command = new Command("show", "Show one message with the status of each recipient.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var entry = await services.GetRequiredService<OutboxService>().FindAsync(Actor.Operator, parse.GetValue(id)!, ct);
            if (entry is null) { Console.Error.WriteLine($"No message {parse.GetValue(id)}."); return 1; }
            Console.WriteLine(JsonSerializer.Serialize(OutboxMessageDto.Of(entry), CliJson.Options));
            return 0;
        });
        return command;
    }

    private static Command Reschedule()
    {
        var id = new Argument<string>("ID");
        var when = new Argument<string>("WHEN") { Description = "ISO 8601 with a zone (2026-11-27T09:00:00+01:00) or an RFC 5322 date." };
        var command = new Command("reschedule", "Set a new send time for a held or scheduled message.") { id, when };
        command.SetAction(async (parse, ct) =>
        {
            var parsed = SendAtHeader.Parse(parse.GetValue(when)!);
            if (parsed.SendAt is not { } sendAt) { Console.Error.WriteLine(parsed.Error); return 2; }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            return Report(await services.GetRequiredService<OutboxService>().RescheduleAsync(Actor.Operator, parse.GetValue(id)!, sendAt, ct));
        });
        return command;
    }

    private static Command Action(string name, string description, Func<OutboxService, string, ParseResult, CancellationToken, Task<OutboxResult>> act, params Option[] options)
    {
        var id = new Argument<string>("ID");
        var command = new Command(name, description) { id };
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            return Report(await act(services.GetRequiredService<OutboxService>(), parse.GetValue(id)!, parse, ct));
        });
        return command;
    }

    private static int Report(OutboxResult result)
    {
        (result.Succeeded ? Console.Out : Console.Error).WriteLine(result.Message);
        return result.Succeeded ? 0 : 1;
    }
}
