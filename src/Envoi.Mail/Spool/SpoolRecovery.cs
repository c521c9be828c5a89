using Envoi.Core.Queue;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Spool;

/// <summary>
/// At start-up, before SMTP accepts anything, undoes what a crash left half-done during
/// acceptance; none of it was acknowledged with 250, so the clients will send it again:
/// <list type="bullet">
/// <item>a spool file without a queue row (crash before the commit) is removed;</item>
/// <item>a waiting row whose body is missing or shorter than recorded (crash before the body's
/// fsync completed) is removed with its file.</item>
/// </list>
/// With a spool directory shared by several nodes, what is younger than
/// <see cref="SpoolOptions.SharedRecoveryGrace"/> is left alone: another node may be accepting it.
/// Bodies in the database are committed with their rows, so neither half can be missing; there,
/// recovery only removes bodies of finished messages that a stopped node did not get to delete.
/// </summary>
public sealed class SpoolRecovery(IMessageSpool store, IQueueStore queue, SpoolOptions options, TimeProvider clock, ILogger<SpoolRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        if (store is not FileSpool spool)
        {
            var purged = await store.PurgeFinishedAsync(ct);
            if (purged > 0) logger.LogInformation("Removed {Count} bodies of messages already relayed or failed", purged);
            return;
        }

        var unfinished = await queue.ListUnfinishedAsync(ct);
        var rows = 0;
        foreach (var (id, size) in unfinished)
        {
            if (spool.LengthOf(id) == size || IsRecent(spool, id)) continue;
            // 250 is sent only after the body's fsync, so a short body was never acknowledged.
            await queue.DeleteUnacknowledgedAsync(id, ct);
            if (spool.Exists(id)) spool.Delete(id);
            rows++;
        }

        var known = unfinished.Select(u => u.Id).ToHashSet();
        var files = 0;
        foreach (var id in spool.ListIds().ToList())
        {
            if (!QueueId.IsWellFormed(id) || known.Contains(id) || IsRecent(spool, id) || await queue.ExistsAsync(id, ct)) continue;
            spool.Delete(id);
            files++;
        }
        if (rows + files > 0)
            logger.LogWarning("Removed {Rows} queue rows with an incomplete body and {Files} spool files without a row: messages never acknowledged (crash during acceptance)", rows, files);
    }

    /// <summary>In a shared directory, a message accepted (by any node) within the grace period.</summary>
    private bool IsRecent(FileSpool spool, string id) =>
        options.IsShared && spool.ModifiedAt(id) is { } at && at > clock.GetUtcNow() - options.SharedRecoveryGrace
        || options.IsShared && QueueId.TimeOf(id) is { } received && received > clock.GetUtcNow() - options.SharedRecoveryGrace;
}
