namespace Envoi.Core.Queue;

/// <summary>A message whose body is already durable in the spool and whose row is about to be committed.</summary>
public sealed record NewMessage(
    string Id,
    Envelope Envelope,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ReleaseAt,
    DateTimeOffset ExpiresAt,
    bool Scheduled,
    long SizeBytes,
    string? Subject,
    MessageOrigin Origin,
    bool AwaitingConfirmation = false,
    string? Findings = null);

/// <summary>Who produced a message: a client, or Envoi itself (bounce, returned draft).</summary>
public enum MessageOrigin
{
    Smtp,
    Bounce,
    ReturnedToSender,
    /// <summary>A send-safety notice to the sender.</summary>
    Notice,
}
