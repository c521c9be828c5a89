using Envoi.Core.Queue;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Spool;

/// <summary>
/// Purges finished messages older than <see cref="QueueOptions.Retention"/>: their rows first (one
/// transaction per batch of <see cref="BatchSize"/>, so the queue's writers wait for milliseconds, not
/// for the whole purge), then whatever body is left in the spool. A body whose row is gone is never
/// needed again; one left behind by a crash between the two steps is removed by start-up recovery.
/// </summary>
public sealed class RetentionPurge(IQueueStore store, IMessageSpool spool, QueueOptions options, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    public const int BatchSize = 1000;

    /// <returns>How many messages were purged.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (options.Retention <= TimeSpan.Zero) return 0;
        var before = clock.GetUtcNow() - options.Retention;
        var purged = 0;
        while (true)
        {
            var ids = await store.PurgeFinishedBeforeAsync(before, BatchSize, ct);
            foreach (var id in ids)
                if (spool.Exists(id)) spool.Delete(id);
            purged += ids.Count;
            if (ids.Count < BatchSize) break;
        }
        if (purged > 0) logger.LogInformation("Purged {Count} finished messages older than the retention of {Retention} (Queue:Retention)", purged, options.Retention);
        return purged;
    }
}
