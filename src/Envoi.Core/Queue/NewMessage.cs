namespace Envoi.Core.Queue;

/// <summary>
/// A message whose row is about to be committed. Its body is either already durable in the spool
/// (file spool), or it is <see cref="Body"/> and is committed with the row, in the same
/// transaction (bodies stored in the database).
/// </summary>
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
    string? Findings = null,
    ReadOnlyMemory<byte>? Body = null);

/// <summary>Who produced a message: a client, or Envoi itself (bounce, returned draft).</summary>
public enum MessageOrigin
{
    Smtp,
    Bounce,
    ReturnedToSender,
    /// <summary>A send-safety notice to the sender.</summary>
    Notice,
}
