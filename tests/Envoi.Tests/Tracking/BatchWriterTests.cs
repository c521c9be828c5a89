using System.Collections.Concurrent;
using System.Diagnostics;
using Envoi.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary>The write-behind queue under clicks: few commits for a trickle, nothing lost or held back at a stop.</summary>
public class BatchWriterTests
{
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_trickle_of_records_is_committed_at_most_once_per_linger_and_every_record_once()
    {
        var batches = new ConcurrentQueue<IReadOnlyList<int>>();
        await using var writer = new BatchWriter<int>((items, _) => { batches.Enqueue(items.ToList()); return Task.CompletedTask; }, NullLogger.Instance, linger: Linger);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            writer.Post(i);
            await Task.Delay(3);
        }
        await writer.FlushAsync(default);
        var elapsed = clock.Elapsed;

        Assert.Equal(Enumerable.Range(0, 100), batches.SelectMany(b => b));
        // One commit per record without the linger; with it, one per started linger (the first at once).
        Assert.InRange(batches.Count, 1, (int)(elapsed / Linger) + 2);
    }

    [Fact]
    public async Task A_stop_writes_what_is_queued_at_once_in_batches_of_at_most_the_maximum()
    {
        var batches = new ConcurrentQueue<int>();
        var writer = new BatchWriter<int>((items, _) => { batches.Enqueue(items.Count); return Task.CompletedTask; }, NullLogger.Instance, maxBatch: 10, linger: TimeSpan.FromSeconds(30));
        writer.Post(0);
        await writer.FlushAsync(default);

        // Within the (long) linger: the stop cuts it short.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 25; i++) writer.Post(i);
        await writer.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(26, batches.Sum());
        Assert.All(batches, b => Assert.InRange(b, 1, 10));
        Assert.Equal(0, writer.Pending);
        await writer.DisposeAsync(); // a second stop (the host and a test both disposing) is harmless
    }
}
