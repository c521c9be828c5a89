using Envoi.Core.Queue;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Spool;

/// <summary>
/// At start-up, before SMTP accepts anything: a spool file without a queue row was written by a
/// session that crashed before its commit, so its client never got 250 and will send it again.
/// It is removed; every file with a row is kept, whatever state the row is in.
/// </summary>
public sealed class SpoolRecovery(IMessageSpool spool, IQueueStore store, ILogger<SpoolRecovery> logger)
{
    public async Task<int> RemoveUnacknowledgedAsync(CancellationToken ct)
    {
        var removed = 0;
        foreach (var id in spool.ListIds().ToList())
        {
            if (!QueueId.IsWellFormed(id) || await store.ExistsAsync(id, ct)) continue;
            spool.Delete(id);
            removed++;
        }
        if (removed > 0) logger.LogWarning("Removed {Count} spool files that were never acknowledged (crash during acceptance)", removed);
        return removed;
    }
}
