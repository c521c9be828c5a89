namespace Envoi.Core.Queue;

/// <summary>One message as the outbox shows it: envelope, state, and what happened to each recipient.</summary>
public sealed record OutboxEntry(
    string Id,
    string From,
    int? UserId,
    string? Subject,
    MessageStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ReleaseAt,
    int Attempts,
    long SizeBytes,
    MessageOrigin Origin,
    bool Returned,
    string? Findings,
    IReadOnlyList<OutboxRecipient> Recipients);

public sealed record OutboxRecipient(string Address, RecipientStatus Status, string? Response);

/// <param name="UserId">Only this user's messages; null for every message (admins).</param>
public sealed record OutboxQuery(int? UserId, IReadOnlyList<MessageStatus>? Statuses = null, int Limit = 200);
