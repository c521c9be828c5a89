using Envoi.Core.Outbox;

namespace Envoi.Core.Queue;

/// <summary>
/// The durable queue: one row per message and per recipient. Every method is one transaction
/// whose WHERE clause names the states it may leave, so concurrent callers (workers, the outbox
/// API, other nodes) can never both win a race for the same message.
/// </summary>
public interface IQueueStore
{
    /// <summary>Commits a batch of accepted messages in one transaction (the group commit).</summary>
    Task InsertAsync(IReadOnlyList<NewMessage> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Moves up to <paramref name="max"/> due messages (held, scheduled or deferred whose time has
    /// come, or relaying whose lease expired) to relaying under a lease owned by the caller.
    /// <paramref name="inFlight"/> are messages the caller is still delivering: a slow delivery that
    /// outlives its lease must not be claimed a second time by the same node.
    /// </summary>
    Task<IReadOnlyList<ClaimedMessage>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string> inFlight, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the leases a previous run of this node left behind (it crashed mid-relay) claimable
    /// at once, instead of after they expire.
    /// </summary>
    Task<int> ReleaseLeasesOfAsync(string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Stores per-recipient results and the message status they imply, and releases the leases, for
    /// several messages in one transaction. A record whose lease was lost (another node took the
    /// message over) changes nothing; its message's current status is returned.
    /// </summary>
    Task<IReadOnlyList<MessageStatus>> RecordDeliveriesAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken);

    Task<OutboxEntry?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxQuery query, CancellationToken cancellationToken);

    /// <summary>Cancels a waiting message, or recalls the still-pending recipients of a deferred one.</summary>
    Task<bool> CancelAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets a new release time if the message is still in one of <paramref name="from"/>; false otherwise.</summary>
    Task<bool> ReleaseAtAsync(string id, DateTimeOffset releaseAt, IReadOnlyCollection<MessageStatus> from, MessageStatus to, CancellationToken cancellationToken);

    /// <summary>Marks a cancelled message as returned to its sender so it is returned only once.</summary>
    Task<bool> MarkReturnedAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<MessageStatus, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Messages whose confirmation deadline (their release time) passed: cancelled, or released
    /// when <paramref name="send"/> (the organization's timeout policy). Returns their ids.
    /// </summary>
    Task<IReadOnlyList<string>> ExpireConfirmationsAsync(DateTimeOffset now, bool send, CancellationToken cancellationToken);

    /// <summary>Ids of messages cancelled (received) between the two times, oldest first.</summary>
    Task<IReadOnlyList<string>> CancelledBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a message that was never acknowledged because its body could not be made durable
    /// (whatever its state: a worker may have picked it up already). False when nothing was removed.
    /// </summary>
    Task<bool> DeleteUnacknowledgedAsync(string id, CancellationToken cancellationToken);

    /// <summary>Id and expected body length of every message whose body must still be in the spool.</summary>
    Task<IReadOnlyList<(string Id, long SizeBytes)>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> finished messages (relayed, failed, cancelled) received (and,
    /// unless cancelled, released) before <paramref name="before"/>, with their recipients and any body stored in the
    /// database, in one transaction. Returns their ids (their spool files go next).
    /// </summary>
    Task<IReadOnlyList<string>> PurgeFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Ids the queue knows, for spool clean-up of files whose row was never committed.</summary>
    Task<bool> ExistsAsync(string id, CancellationToken cancellationToken);
}
