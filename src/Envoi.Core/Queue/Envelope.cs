namespace Envoi.Core.Queue;

/// <summary>What the SMTP conversation established about a message, before anyone reads its body.</summary>
/// <param name="Sender">Envelope sender; empty for the null sender of bounces.</param>
/// <param name="Recipients">Envelope recipients, in the order given.</param>
/// <param name="UserId">The authenticated Envoi user, or null for a trusted connector.</param>
/// <param name="ClientAddress">IP address of the SMTP client, for the outbox and logs.</param>
public sealed record Envelope(string Sender, IReadOnlyList<string> Recipients, int? UserId, string ClientAddress);
