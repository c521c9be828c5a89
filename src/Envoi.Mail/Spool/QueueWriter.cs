using System.Threading.Channels;
using Envoi.Core.Queue;

namespace Envoi.Mail.Spool;

/// <summary>
/// Group commit. Each accepted message's body is already fsynced by its own session; this loop
/// then takes every message waiting at that moment, fsyncs the spool directory once, inserts all
/// their rows in one transaction (one database fsync) and only then lets their 250 replies go.
/// Under load a batch holds many messages, so durability does not cap throughput.
/// </summary>
public sealed class QueueWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IQueueStore _store;
    private readonly IMessageSpool _spool;
    private readonly Task _loop;

    private readonly QueueSignal _signal;
    private readonly TimeProvider _clock;

    public QueueWriter(IQueueStore store, IMessageSpool spool, QueueSignal signal, TimeProvider clock)
    {
        _store = store;
        _spool = spool;
        _signal = signal;
        _clock = clock;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the message's row is committed; throws if the commit failed.</summary>
    public Task CommitAsync(NewMessage message)
    {
        var pending = new Pending(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending))
            pending.Done.SetException(new InvalidOperationException("The queue is shutting down."));
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _channel.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                _spool.FlushDirectories();
                await _store.InsertAsync(batch.Select(p => p.Message).ToList(), CancellationToken.None);
                foreach (var p in batch) p.Done.SetResult();
                var now = _clock.GetUtcNow();
                if (batch.Any(p => p.Message.ReleaseAt <= now)) _signal.Notify();
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.SetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(NewMessage Message, TaskCompletionSource Done);
}
