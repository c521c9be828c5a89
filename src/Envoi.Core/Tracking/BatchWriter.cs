using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Envoi.Core.Tracking;

/// <summary>
/// Takes records without waiting (an in-memory channel) and inserts whatever has piled up in one
/// transaction. Recording a click must never delay the redirect; batching keeps SQLite's single
/// writer to a few commits per second under load. Disposing drains the channel first: a graceful
/// stop loses nothing that was posted.
/// <para>
/// Commits start at most once per <c>linger</c> unless a full batch is already waiting: a writer that
/// keeps up would otherwise commit (and fsync) a handful of records at a time, paying a transaction
/// for every few clicks. A backlog of full batches is written back to back, so the linger costs
/// latency (what a crash can lose grows by as much), never throughput; a stop cuts it short.
/// </para>
/// </summary>
public sealed class BatchWriter<T> : IAsyncDisposable
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _write;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _linger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _pending;

    /// <param name="linger">The shortest time between the starts of two commits (default 50 ms).</param>
    public BatchWriter(Func<IReadOnlyList<T>, CancellationToken, Task> write, ILogger logger, int maxBatch = 2000, TimeSpan? linger = null)
    {
        _write = write;
        _logger = logger;
        _maxBatch = maxBatch;
        _linger = linger ?? TimeSpan.FromMilliseconds(50);
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
        long lastCommit = 0;
        while (await _channel.Reader.WaitToReadAsync())
        {
            var wait = lastCommit == 0 ? TimeSpan.Zero : _linger - Stopwatch.GetElapsedTime(lastCommit);
            // Everything committed has been subtracted: what is pending now is what waits in the channel.
            if (wait > TimeSpan.Zero && Pending < _maxBatch && !_stopping.IsCancellationRequested)
                await Task.Delay(wait, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lastCommit = Stopwatch.GetTimestamp();
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
        // What is queued is written at once: a stop does not linger. (The source is left undisposed,
        // so a second DisposeAsync is harmless; it holds no timer or handle.)
        await _stopping.CancelAsync();
        await _loop;
    }
}
