using Envoi.Core.Queue;
using Envoi.Mail.Deliver;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Scheduling;

/// <summary>
/// Releases messages when their time comes: claims due messages (no more than there are free
/// delivery slots, so no lease ticks away in a backlog) and hands each to a
/// <see cref="MessageProcessor"/>. It polls the database, so releases decided by the CLI or by
/// another node are seen within one poll interval; in-process changes wake it at once.
/// </summary>
public sealed class ReleaseScheduler(
    IQueueStore store,
    MessageProcessor processor,
    QueueSignal signal,
    QueueOptions options,
    NodeIdentity node,
    TimeProvider clock,
    ILogger<ReleaseScheduler> logger) : BackgroundService
{
    private int _inFlight;
    private readonly List<Task> _running = [];
    private readonly HashSet<string> _inFlightIds = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await store.ReleaseLeasesOfAsync(node.Id, stoppingToken);
        if (recovered > 0) logger.LogWarning("Recovered {Count} messages this node was relaying when it stopped; they will be relayed again", recovered);

        while (!stoppingToken.IsCancellationRequested)
        {
            var free = options.Concurrency - Volatile.Read(ref _inFlight);
            var claimedAll = false;
            if (free > 0)
            {
                try
                {
                    string[] inFlight;
                    lock (_running) inFlight = [.. _inFlightIds];
                    var claimed = await store.ClaimDueAsync(clock.GetUtcNow(), free, node.Id, options.Lease, inFlight, stoppingToken);
                    foreach (var message in claimed) Start(message);
                    claimedAll = claimed.Count == free;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not claim due messages; retrying");
                }
            }
            // More may be due right away: go round again without sleeping, once a slot is free.
            if (!claimedAll || free <= 0)
                await ((Task)signal.WaitAsync(options.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Graceful stop: let deliveries in progress finish so their results are recorded.
        Task[] running;
        lock (_running) running = [.. _running];
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Start(ClaimedMessage message)
    {
        Interlocked.Increment(ref _inFlight);
        lock (_running) _inFlightIds.Add(message.Id); // before the task starts, so its own removal cannot come first
        var task = Task.Run(async () =>
        {
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
                Interlocked.Decrement(ref _inFlight);
                lock (_running) _inFlightIds.Remove(message.Id);
                signal.Notify();
            }
        });
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }
}
