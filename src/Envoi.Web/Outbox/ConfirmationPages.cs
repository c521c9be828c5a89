using System.Net;
using Envoi.Core.Checks;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Outbox;

/// <summary>
/// The confirm and cancel links of a held message. Opening a link only shows a page with a button:
/// link scanners (Safe Links, Mimecast) open every link in a mail, and must not send or cancel
/// anything by doing so. The button posts the signed token back.
/// </summary>
public static class ConfirmationPages
{
    public static IEndpointRouteBuilder MapConfirmationPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/confirm/{token}", async (ConfirmationLinks links, OutboxService outbox, string token, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } link) return Page(404, "This link is not valid.", null);
            var entry = await outbox.FindAsync(Actor.Operator, link.QueueId, ct);
            if (entry is null) return Page(404, "This message no longer exists.", null);
            var verb = link.Action == ConfirmationAction.Confirm ? "Send it" : "Cancel it";
            var text = $"Message \"{entry.Subject}\" to {string.Join(", ", entry.Recipients.Select(r => r.Address))} is {entry.Status.ToWire()}. {entry.Findings}";
            return Page(200, text, entry.Status == MessageStatus.AwaitingConfirmation ? verb : null);
        }).ExcludeFromDescription();

        app.MapPost("/confirm/{token}", async (ConfirmationLinks links, OutboxService outbox, string token, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } link) return Page(404, "This link is not valid.", null);
            // The signed link itself is the sender's authority over this one message.
            var result = link.Action == ConfirmationAction.Confirm
                ? await outbox.ConfirmAsync(Actor.Operator, link.QueueId, ct)
                : await outbox.CancelAsync(Actor.Operator, link.QueueId, returnToSender: false, ct);
            return Page(result.Succeeded ? 200 : 409, result.Message, null);
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static IResult Page(int status, string text, string? button)
    {
        var form = button is null ? "" : $"<form method=\"post\"><button type=\"submit\">{WebUtility.HtmlEncode(button)}</button></form>";
        var html = $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Envoi</title>" +
                   $"<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><p>{WebUtility.HtmlEncode(text)}</p>{form}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
