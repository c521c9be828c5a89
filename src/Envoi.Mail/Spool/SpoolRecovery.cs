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
/// </summary>
public sealed class SpoolRecovery(FileSpool spool, IQueueStore store, ILogger<SpoolRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        var unfinished = await store.ListUnfinishedAsync(ct);
        var rows = 0;
        foreach (var (id, size) in unfinished)
        {
            if (spool.LengthOf(id) == size) continue;
            // 250 is sent only after the body's fsync, so a short body was never acknowledged.
            await store.DeleteUnacknowledgedAsync(id, ct);
            if (spool.Exists(id)) spool.Delete(id);
            rows++;
        }

        var known = unfinished.Select(u => u.Id).ToHashSet();
        var files = 0;
        foreach (var id in spool.ListIds().ToList())
        {
            if (!QueueId.IsWellFormed(id) || known.Contains(id) || await store.ExistsAsync(id, ct)) continue;
            spool.Delete(id);
            files++;
        }
        if (rows + files > 0)
            logger.LogWarning("Removed {Rows} queue rows with an incomplete body and {Files} spool files without a row: messages never acknowledged (crash during acceptance)", rows, files);
    }
}
