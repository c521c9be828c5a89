namespace Envoi.Core.Queue;

/// <summary>
/// Message bodies at rest. A body is written (by the accept path's <c>IBodyWriter</c>) and flushed to
/// stable storage before its queue row is committed, and read back only when the message is
/// released: held mail costs no memory.
/// </summary>
public interface IMessageSpool
{
    /// <summary>Makes the directory entries of every file written so far durable (one fsync per batch).</summary>
    void FlushDirectories();

    Stream OpenRead(string id);

    /// <summary>The body, or null when there is none: one look-up where <see cref="Exists"/> then <see cref="OpenRead"/> would take two.</summary>
    Task<Stream?> TryOpenReadAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Exists(id) ? OpenRead(id) : null);

    /// <summary>
    /// True when recording a final delivery result already removes the body (bodies in the database:
    /// <c>RecordDeliveriesAsync</c> deletes them in its transaction), so <see cref="Delete"/> need not follow.
    /// </summary>
    bool DeletedWithResult => false;

    bool Exists(string id);

    void Delete(string id);

    /// <summary>Ids of every body on disk, for crash recovery.</summary>
    IEnumerable<string> ListIds();

    /// <summary>
    /// Start-up clean-up for stores that can do it in one statement (the database): removes bodies of
    /// relayed and failed messages left behind by a node that stopped before deleting them.
    /// </summary>
    Task<int> PurgeFinishedAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
