using System.Collections.Concurrent;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Scale;

/// <summary>
/// PostgreSQL restarted in the middle of load with two nodes serving: every acknowledged message is
/// relayed, duplicates stay within the at-least-once window (messages in flight at the cut), and
/// both nodes go on serving without being restarted. The cluster is this test's own.
/// </summary>
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task Two_nodes_lose_nothing_and_resume_by_themselves_when_postgres_restarts_mid_load()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var database = await PostgresServer.CreateDatabaseAsync(cluster);
        await using var upstream = await TestUpstream.StartAsync();
        void Configure(Envoi.Hosting.EnvoiSettings s)
        {
            s.Database = database;
            s.Upstream.Url = upstream.Url;
            s.Queue.Lease = TimeSpan.FromSeconds(3);
            s.Queue.RetrySchedule = [TimeSpan.FromMilliseconds(500)];
        }
        await using var a = await EnvoiTestHost.StartAsync(Configure);
        await using var b = await EnvoiTestHost.StartAsync(Configure);
        await a.AddUserAsync("alice@example.com", "alice-password");

        const int total = 80;
        var acknowledged = new ConcurrentBag<string>();
        var refusals = 0;
        var restarted = new TaskCompletionSource();
        var load = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                var node = i % 2 == 0 ? a : b;
                if (i == total / 3) _ = Task.Run(async () => { await cluster.RestartAsync(); restarted.SetResult(); });
                // A client retries what was refused (451 while the database is away); only a 250 counts.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        acknowledged.Add(await node.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", $"r{i}@example.net", $"load {i}")));
                        break;
                    }
                    catch (Exception) when (attempt < 100)
                    {
                        Interlocked.Increment(ref refusals);
                        await Task.Delay(200);
                    }
                }
            }
        });
        await load.WaitAsync(TimeSpan.FromSeconds(120));
        await restarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Both nodes serve again without a restart of their own.
        var afterA = await a.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "after-a@example.net"));
        var afterB = await b.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "after-b@example.net"));
        await a.WaitForStatusAsync(afterA, MessageStatus.Relayed, TimeSpan.FromSeconds(30));
        await b.WaitForStatusAsync(afterB, MessageStatus.Relayed, TimeSpan.FromSeconds(30));

        var expected = acknowledged.ToHashSet();
        Assert.Equal(total, expected.Count);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Dictionary<string, int> copies;
        while (true)
        {
            copies = upstream.Received.Select(m => EnvoiNode.QueueIdOf(m.Text)).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            var missing = expected.Where(id => !copies.ContainsKey(id)).ToList();
            if (missing.Count == 0) break;
            Assert.True(DateTime.UtcNow < deadline, $"{missing.Count} acknowledged messages never reached the upstream: {string.Join(", ", missing.Take(5))}");
            await Task.Delay(200);
        }
        await Task.Delay(4000); // a lease expiring now would show as a late duplicate
        copies = upstream.Received.Select(m => EnvoiNode.QueueIdOf(m.Text)).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = copies.Where(c => expected.Contains(c.Key)).Sum(c => c.Value - 1);
        Assert.DoesNotContain(copies.Keys, id => id.Length > 0 && !expected.Contains(id) && id != afterA && id != afterB); // nothing relayed that was not acknowledged
        // Only what was between the upstream's 250 and the database's commit at the cut may go twice:
        // at most the deliveries in flight on both nodes (Queue:Concurrency = 8 each).
        Assert.True(duplicates <= 16, $"{duplicates} duplicates");
        System.Console.WriteLine($"postgres restart under load: {total} acknowledged, {refusals} refused and retried by the client, {duplicates} delivered twice, 0 lost");
    }
}
