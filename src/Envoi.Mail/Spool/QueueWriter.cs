using Envoi.Core.Queue;

namespace Envoi.Mail.Spool;

/// <summary>
/// Acceptance's group commit. Each message's body is already fsynced by its own session; every
/// message waiting at that moment then shares one fsync of the spool directory and one database
/// transaction, and only then do their 250 replies go out.
/// </summary>
public sealed class QueueWriter : IAsyncDisposable
{
    private readonly GroupCommit<NewMessage, bool> _commits;

    public QueueWriter(IQueueStore store, IMessageSpool spool, QueueSignal signal, TimeProvider clock)
    {
        _commits = new GroupCommit<NewMessage, bool>(async batch =>
        {
            // The new spool names and the rows become durable side by side.
            await Task.WhenAll(Task.Run(spool.FlushDirectories), store.InsertAsync(batch, CancellationToken.None));
            var now = clock.GetUtcNow();
            if (batch.Any(m => m.ReleaseAt <= now)) signal.Notify(); // no hold: the scheduler need not wait for its poll
            return batch.Select(_ => true).ToList();
        });
    }

    /// <summary>Completes once the message's row is committed; throws if the commit failed.</summary>
    public Task CommitAsync(NewMessage message) => _commits.SubmitAsync(message);

    public ValueTask DisposeAsync() => _commits.DisposeAsync();
}
