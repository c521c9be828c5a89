using Envoi.Core.Observability;
using Envoi.Core.Queue;

namespace Envoi.Core.Outbox;

/// <summary>
/// The outbox operations every interface (REST, CLI, web) shares: list, cancel, send now,
/// reschedule. It enforces who may touch which message; the queue store enforces the states.
/// </summary>
public sealed class OutboxService(IQueueStore store, CancelledMessageReturner returner, TimeProvider clock, QueueSignal? signal = null, IMessageSpool? spool = null)
{
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(Actor actor, IReadOnlyList<MessageStatus>? statuses, int limit, CancellationToken ct)
    {
        int? userFilter = actor.IsAdmin ? null : actor.UserId ?? -1;
        return await store.ListAsync(new OutboxQuery(userFilter, statuses, limit), ct);
    }

    public async Task<OutboxEntry?> FindAsync(Actor actor, string id, CancellationToken ct)
    {
        var entry = await store.FindAsync(id, ct);
        return entry is not null && actor.MaySee(entry) ? entry : null;
    }

    public async Task<OutboxResult> CancelAsync(Actor actor, string id, bool returnToSender, CancellationToken ct)
    {
        var entry = await FindAsync(actor, id, ct);
        if (entry is null) return NotFound(id);
        if (!await store.CancelAsync(id, clock.GetUtcNow(), ct))
            return new(OutboxOutcome.TooLate, $"Message {id} is {entry.Status.ToWire()}: there is nothing left to cancel.", entry);

        MailMetrics.Cancelled.Inc();
        var cancelled = (await store.FindAsync(id, ct))!;
        var message = cancelled.Status == MessageStatus.Cancelled
            ? $"Message {id} was cancelled; it was not sent."
            : $"The recipients of message {id} still pending were recalled; the others had already received it.";
        if (returnToSender && cancelled.Status == MessageStatus.Cancelled)
        {
            var returnedId = await returner.ReturnAsync(cancelled, ct);
            message += returnedId is null
                ? " It was not returned: it had been returned already, or its content is no longer kept."
                : $" A copy was sent back to {cancelled.From} for editing (queued as {returnedId}).";
        }
        return new(OutboxOutcome.Done, message, await store.FindAsync(id, ct));
    }

    public async Task<OutboxResult> SendNowAsync(Actor actor, string id, CancellationToken ct)
    {
        var entry = await FindAsync(actor, id, ct);
        if (entry is null) return NotFound(id);
        if (entry.Status == MessageStatus.AwaitingConfirmation)
            return new(OutboxOutcome.Invalid, $"Message {id} is held by a send-safety check ({entry.Findings}) Confirm it to send it.", entry);
        // A deferred message stays deferred (its retry is simply due now); a waiting one becomes held-and-due.
        var released = entry.Status == MessageStatus.Deferred
            ? await store.ReleaseAtAsync(id, clock.GetUtcNow(), [MessageStatus.Deferred], MessageStatus.Deferred, ct)
            : await store.ReleaseAtAsync(id, clock.GetUtcNow(), StatusNames.Waiting, MessageStatus.Held, ct);
        if (!released)
            return new(OutboxOutcome.TooLate, $"Message {id} is {entry.Status.ToWire()}: it is no longer waiting.", entry);
        signal?.Notify();
        return new(OutboxOutcome.Done, $"Message {id} is released now.", await store.FindAsync(id, ct));
    }

    /// <summary>The sender confirms a message a send-safety check held: it leaves now.</summary>
    public async Task<OutboxResult> ConfirmAsync(Actor actor, string id, CancellationToken ct)
    {
        var entry = await FindAsync(actor, id, ct);
        if (entry is null) return NotFound(id);
        // A message the author had scheduled keeps its time: confirming says "it may go", not "now".
        var now = clock.GetUtcNow();
        var scheduled = await ScheduledTimeAsync(id, ct) is { } sendAt && sendAt > now ? sendAt : (DateTimeOffset?)null;
        if (!await store.ReleaseAtAsync(id, scheduled ?? now, [MessageStatus.AwaitingConfirmation], scheduled is null ? MessageStatus.Held : MessageStatus.Scheduled, ct))
            return new(OutboxOutcome.TooLate, $"Message {id} is {entry.Status.ToWire()}: it is not waiting for a confirmation.", entry);
        signal?.Notify();
        var when = scheduled is { } at ? $"will be sent at {at:u} as scheduled" : "leaves now";
        return new(OutboxOutcome.Done, $"Message {id} is confirmed and {when}.", await store.FindAsync(id, ct));
    }

    public async Task<OutboxResult> RescheduleAsync(Actor actor, string id, DateTimeOffset sendAt, CancellationToken ct)
    {
        var entry = await FindAsync(actor, id, ct);
        if (entry is null) return NotFound(id);
        if (sendAt < clock.GetUtcNow().AddMinutes(-1))
            return new(OutboxOutcome.Invalid, $"The new send time {sendAt:u} is in the past.", entry);
        if (!await store.ReleaseAtAsync(id, sendAt, StatusNames.Waiting, MessageStatus.Scheduled, ct))
            return new(OutboxOutcome.TooLate, $"Message {id} is {entry.Status.ToWire()}: it can no longer be rescheduled.", entry);
        return new(OutboxOutcome.Done, $"Message {id} will be sent at {sendAt:u}.", await store.FindAsync(id, ct));
    }

    /// <summary>The author's <c>X-Envoi-Send-At</c>, read from the spooled headers (the body is not parsed).</summary>
    private async Task<DateTimeOffset?> ScheduledTimeAsync(string id, CancellationToken ct)
    {
        if (spool is null || !spool.Exists(id)) return null;
        await using var body = spool.OpenRead(id);
        var headers = await MimeKit.HeaderList.LoadAsync(body, ct);
        return headers[SendAtHeader.Name] is { } value ? SendAtHeader.Parse(value).SendAt : null;
    }

    private static OutboxResult NotFound(string id) => new(OutboxOutcome.NotFound, $"No message {id} in your outbox.");
}
