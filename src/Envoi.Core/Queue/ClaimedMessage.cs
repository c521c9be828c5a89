namespace Envoi.Core.Queue;

/// <summary>A message a delivery worker now owns under a lease, with the recipients still to try.</summary>
public sealed record ClaimedMessage(
    string Id,
    string Sender,
    int? UserId,
    IReadOnlyList<string> PendingRecipients,
    int Attempts,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ExpiresAt,
    MessageOrigin Origin);
