using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Outbox;

/// <summary>
/// <c>/api/outbox</c>: the undo-send outbox. Employees see and act on their own messages only
/// (another user's message answers 404, exactly like a message that does not exist); admins on all.
/// </summary>
public static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outbox").RequireAuthorization().WithTags("Outbox");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/cancel", CancelAsync);
        group.MapPost("/{id}/send-now", SendNowAsync);
        group.MapPost("/{id}/reschedule", RescheduleAsync);
        group.MapPost("/{id}/confirm", async (HttpContext http, OutboxService outbox, string id, CancellationToken ct) =>
            ToHttp(await outbox.ConfirmAsync(http.User.ToActor(), id, ct)));
        return group;
    }

    private static async Task<Results<Ok<IEnumerable<OutboxMessageDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, OutboxService outbox, string? status, int? limit, CancellationToken ct)
    {
        List<MessageStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statuses = [];
            foreach (var name in status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (StatusNames.FromWire(name) is not { } parsed)
                    return TypedResults.Problem($"Unknown status '{name}'. Use: {string.Join(", ", Enum.GetValues<MessageStatus>().Select(s => s.ToWire()))}.", statusCode: 400);
                statuses.Add(parsed);
            }
        }
        if (limit is < 1 or > 10_000) return TypedResults.Problem("limit must be between 1 and 10000.", statusCode: 400);
        var entries = await outbox.ListAsync(http.User.ToActor(), statuses, limit ?? 200, ct);
        return TypedResults.Ok(entries.Select(OutboxMessageDto.Of));
    }

    private static async Task<Results<Ok<OutboxMessageDto>, NotFound<ActionMessage>>> GetAsync(HttpContext http, OutboxService outbox, string id, CancellationToken ct)
    {
        var entry = await outbox.FindAsync(http.User.ToActor(), id, ct);
        return entry is null ? TypedResults.NotFound(new ActionMessage($"No message {id} in your outbox.")) : TypedResults.Ok(OutboxMessageDto.Of(entry));
    }

    private static async Task<IResult> CancelAsync(HttpContext http, OutboxService outbox, string id, bool? @return, CancellationToken ct) =>
        ToHttp(await outbox.CancelAsync(http.User.ToActor(), id, @return ?? false, ct));

    private static async Task<IResult> SendNowAsync(HttpContext http, OutboxService outbox, string id, CancellationToken ct) =>
        ToHttp(await outbox.SendNowAsync(http.User.ToActor(), id, ct));

    private static async Task<IResult> RescheduleAsync(HttpContext http, OutboxService outbox, string id, RescheduleRequest? request, CancellationToken ct)
    {
        if (request?.SendAt is not { } sendAt)
            return TypedResults.Problem("Send a JSON body {\"sendAt\": \"2026-11-27T09:00:00+01:00\"}.", statusCode: 400);
        return ToHttp(await outbox.RescheduleAsync(http.User.ToActor(), id, sendAt, ct));
    }

    /// <summary>Outcome to status: done 200, unknown 404, already gone 409, bad input 400 — always with the sentence.</summary>
    private static IResult ToHttp(OutboxResult result) => result.Outcome switch
    {
        OutboxOutcome.Done => TypedResults.Ok(new ActionResultDto(result.Message, result.Entry is null ? null : OutboxMessageDto.Of(result.Entry))),
        OutboxOutcome.NotFound => TypedResults.NotFound(new ActionMessage(result.Message)),
        OutboxOutcome.TooLate => TypedResults.Conflict(new ActionResultDto(result.Message, result.Entry is null ? null : OutboxMessageDto.Of(result.Entry))),
        _ => TypedResults.BadRequest(new ActionMessage(result.Message)),
    };
}

public sealed record RescheduleRequest(DateTimeOffset? SendAt);

public sealed record ActionMessage(string Message);

public sealed record ActionResultDto(string Message, OutboxMessageDto? Outbox);
