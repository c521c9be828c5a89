using Envoi.Core.Outbox;
using Envoi.Core.Queue;

namespace Envoi.Web.Outbox;

/// <summary>The outbox JSON shape shared by the API and <c>envoi outbox list --json</c>.</summary>
public sealed record OutboxMessageDto(
    string Id,
    string From,
    string? Subject,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ReleaseAt,
    double SecondsLeft,
    int Attempts,
    long SizeBytes,
    string Origin,
    bool Returned,
    string? Findings,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<RecipientDto> RecipientStatus)
{
    public static OutboxMessageDto Of(OutboxEntry e) => new(
        e.Id, e.From, e.Subject, e.Status.ToWire(), e.ReceivedAt, e.ReleaseAt,
        e.Status is MessageStatus.Held or MessageStatus.Scheduled ? Math.Max(0, (e.ReleaseAt - DateTimeOffset.UtcNow).TotalSeconds) : 0,
        e.Attempts, e.SizeBytes, e.Origin.ToString().ToLowerInvariant(), e.Returned, e.Findings,
        e.Recipients.Select(r => r.Address).ToList(),
        e.Recipients.Select(r => new RecipientDto(r.Address, r.Status.ToWire(), r.Response)).ToList());
}

public sealed record RecipientDto(string Address, string Status, string? Response);
