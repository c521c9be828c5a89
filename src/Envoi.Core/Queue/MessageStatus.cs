namespace Envoi.Core.Queue;

/// <summary>
/// Where a message is in its life. Every change is one database transaction that names the
/// states it may leave, which is what makes "cancel" and "release" mutually exclusive.
/// </summary>
public enum MessageStatus
{
    /// <summary>Waiting out the sender's undo window.</summary>
    Held,
    /// <summary>Waiting for a send time the sender chose (X-Envoi-Send-At or reschedule).</summary>
    Scheduled,
    /// <summary>Claimed by a delivery worker; the upstream is being spoken to.</summary>
    Relaying,
    /// <summary>Every recipient was accepted upstream.</summary>
    Relayed,
    /// <summary>Some recipients were refused temporarily; a retry is scheduled.</summary>
    Deferred,
    /// <summary>At least one recipient failed for good and none is pending.</summary>
    Failed,
    /// <summary>Cancelled by its sender or an admin before it left.</summary>
    Cancelled,
    /// <summary>A send-safety check holds it until its sender confirms or cancels (or the timeout decides).</summary>
    AwaitingConfirmation,
}

public enum RecipientStatus
{
    Pending,
    Relayed,
    Deferred,
    Failed,
    Cancelled,
}

public static class StatusNames
{
    public static string ToWire(this MessageStatus status) =>
        status == MessageStatus.AwaitingConfirmation ? "awaiting-confirmation" : status.ToString().ToLowerInvariant();

    /// <summary>Reads a wire name (held, awaiting-confirmation…); null when it names no status.</summary>
    public static MessageStatus? FromWire(string name) =>
        Enum.GetValues<MessageStatus>().Cast<MessageStatus?>().FirstOrDefault(s => s!.Value.ToWire().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string ToWire(this RecipientStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>States from which a message can still be cancelled, sent now or rescheduled.</summary>
    public static readonly MessageStatus[] Waiting = [MessageStatus.Held, MessageStatus.Scheduled];

    public static bool IsFinal(this MessageStatus status) =>
        status is MessageStatus.Relayed or MessageStatus.Failed or MessageStatus.Cancelled;
}
