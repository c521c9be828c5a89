using System.Threading.Channels;
using Envoi.Core.Checks;
using Envoi.Core.Queue;
using Envoi.Mail.Deliver;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Scheduling;

/// <summary>
/// Releases messages when their time comes. It claims due messages in batches (one transaction
/// for many) and keeps at most one batch waiting beside the ones being delivered, so claims stay
/// cheap under load while no lease ticks away in a long backlog; <see cref="QueueOptions.Concurrency"/>
/// workers deliver them. It polls the database, so releases decided by the CLI or another node are
/// seen within one poll interval; in-process changes wake it at once.
/// </summary>
public sealed class ReleaseScheduler(
    IQueueStore store,
    MessageProcessor processor,
    QueueSignal signal,
    QueueOptions options,
    NodeIdentity node,
    CheckOptions checks,
    TimeProvider clock,
    ILogger<ReleaseScheduler> logger) : BackgroundService
{
    private readonly Channel<ClaimedMessage> _claimed = Channel.CreateUnbounded<ClaimedMessage>();
    /// <summary>Claimed and not yet finished (waiting or being delivered), by id.</summary>
    private readonly HashSet<string> _pending = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await store.ReleaseLeasesOfAsync(node.Id, stoppingToken);
        if (recovered > 0) logger.LogWarning("Recovered {Count} messages this node was relaying when it stopped; they will be relayed again", recovered);

        var workers = Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToList();
        var limit = 2 * Math.Max(1, options.Concurrency);
        var nextExpiry = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (clock.GetUtcNow() >= nextExpiry)
            {
                nextExpiry = clock.GetUtcNow().AddSeconds(5);
                await ExpireConfirmationsAsync(stoppingToken);
            }
            string[] pending;
            lock (_pending) pending = [.. _pending];
            var room = limit - pending.Length;
            var claimedAll = false;
            // Claim only once at least half the window is free, so each claim is a batch.
            if (room >= limit / 2)
            {
                try
                {
                    var claimed = await store.ClaimDueAsync(clock.GetUtcNow(), room, node.Id, options.Lease, pending, stoppingToken);
                    foreach (var message in claimed)
                    {
                        lock (_pending) _pending.Add(message.Id);
                        _claimed.Writer.TryWrite(message);
                    }
                    claimedAll = claimed.Count == room;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not claim due messages; retrying");
                }
            }
            // More may be due right away: go round again without sleeping once room frees up.
            if (!claimedAll || room < limit / 2)
                await ((Task)signal.WaitAsync(options.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Graceful stop: deliveries in progress finish so their results are recorded; messages
        // claimed but not started keep their lease and this node takes them back when it restarts.
        _claimed.Writer.TryComplete();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Held-for-confirmation messages nobody confirmed in time: cancelled, or sent, as the policy says.</summary>
    private async Task ExpireConfirmationsAsync(CancellationToken ct)
    {
        try
        {
            var expired = await store.ExpireConfirmationsAsync(clock.GetUtcNow(), checks.SendWhenConfirmationTimesOut, ct);
            if (expired.Count > 0)
                logger.LogInformation("{Count} message(s) not confirmed in time were {Outcome}: {Ids}", expired.Count, checks.SendWhenConfirmationTimesOut ? "released" : "cancelled", string.Join(", ", expired));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not expire unconfirmed messages; retrying");
        }
    }

    private async Task WorkAsync()
    {
        while (await _claimed.Reader.WaitToReadAsync())
        {
            if (!_claimed.Reader.TryRead(out var message)) continue;
            if (_stopping) { Forget(message); continue; } // not started: its lease is taken back at restart
            try
            {
                await processor.ProcessAsync(message, node.Id, CancellationToken.None);
            }
            catch (Exception e)
            {
                // The lease stays; the message is retried when it expires. Nothing is lost.
                logger.LogError(e, "{QueueId}: delivery attempt failed unexpectedly; it will be retried after its lease expires", message.Id);
            }
            finally
            {
                Forget(message);
                signal.Notify();
            }
        }
    }

    private volatile bool _stopping;

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        return base.StopAsync(cancellationToken);
    }

    private void Forget(ClaimedMessage message)
    {
        lock (_pending) _pending.Remove(message.Id);
    }
}
