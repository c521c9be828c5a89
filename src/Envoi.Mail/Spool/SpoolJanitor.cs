using Envoi.Core.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Spool;

/// <summary>
/// Deletes the bodies of cancelled messages once <see cref="QueueOptions.CancelledRetention"/> has
/// passed (until then they can still be returned to their sender). Bodies of relayed and failed
/// messages are deleted by delivery itself. Each pass then purges finished messages past
/// <see cref="QueueOptions.Retention"/> (<see cref="RetentionPurge"/>). The first pass after start-up looks at everything, later
/// passes only at what aged past the retention since the previous one.
/// </summary>
public sealed class SpoolJanitor(IQueueStore store, IMessageSpool spool, RetentionPurge purge, QueueOptions options, TimeProvider clock, ILogger<SpoolJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var from = DateTimeOffset.UnixEpoch;
        while (!stoppingToken.IsCancellationRequested)
        {
            var until = clock.GetUtcNow() - options.CancelledRetention;
            try
            {
                var removed = 0;
                foreach (var id in await store.CancelledBetweenAsync(from, until, stoppingToken))
                {
                    if (!spool.Exists(id)) continue;
                    spool.Delete(id);
                    removed++;
                }
                if (removed > 0) logger.LogInformation("Deleted the bodies of {Count} cancelled messages older than {Retention}", removed, options.CancelledRetention);
                from = until;
                await purge.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Spool clean-up failed; it will be tried again");
            }
            await Task.Delay(options.JanitorInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
