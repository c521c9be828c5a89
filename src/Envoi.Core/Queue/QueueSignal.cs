namespace Envoi.Core.Queue;

/// <summary>
/// A nudge for the release scheduler when something became due right now (a message with no hold,
/// "send now"), so it does not wait for its next poll. Polling still covers changes made by other
/// processes (the CLI, other nodes).
/// </summary>
public sealed class QueueSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try { _semaphore.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
