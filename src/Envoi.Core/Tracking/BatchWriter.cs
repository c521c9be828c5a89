using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Envoi.Core.Tracking;

/// <summary>
/// Takes records without waiting (an in-memory channel) and inserts whatever has piled up in one
/// transaction. Recording a click must never delay the redirect; batching keeps SQLite's single
/// writer to a few commits per second under load. Disposing drains the channel first: a graceful
/// stop loses nothing that was posted.
/// </summary>
public sealed class BatchWriter<T> : IAsyncDisposable
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _write;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private long _pending;

    public BatchWriter(Func<IReadOnlyList<T>, CancellationToken, Task> write, ILogger logger, int maxBatch = 2000)
    {
        _write = write;
        _logger = logger;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Posted and not yet committed (tests and the metrics endpoint wait for zero).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Post(T item)
    {
        Interlocked.Increment(ref _pending);
        if (_channel.Writer.TryWrite(item)) return;
        Interlocked.Decrement(ref _pending);
        _logger.LogWarning("A {Record} arrived after shutdown began and was not recorded", typeof(T).Name);
    }

    /// <summary>Waits until everything posted so far is committed.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        while (Pending > 0) await Task.Delay(10, ct);
    }

    private async Task RunAsync()
    {
        var batch = new List<T>(_maxBatch);
        while (await _channel.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _channel.Reader.TryRead(out var item)) batch.Add(item);
            await WriteWithRetriesAsync(batch);
            Interlocked.Add(ref _pending, -batch.Count);
        }
    }

    /// <summary>A locked or briefly unreachable database should cost a delay, not the records.</summary>
    private async Task WriteWithRetriesAsync(List<T> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _write(batch, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < 5)
            {
                _logger.LogWarning(e, "Writing {Count} {Record} records failed (attempt {Attempt}); retrying", batch.Count, typeof(T).Name, attempt);
                await Task.Delay(200 * attempt);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "{Count} {Record} records could not be written and are lost", batch.Count, typeof(T).Name);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
    }
}
