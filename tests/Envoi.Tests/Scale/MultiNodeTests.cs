using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Npgsql;
using Xunit.Abstractions;

namespace Envoi.Tests.Scale;

/// <summary>
/// Several <c>envoi serve</c> processes on loopback ports sharing one PostgreSQL database, the way an
/// operator runs them behind a TCP load balancer: any node relays, cancels or reports any message,
/// and a node killed mid-load loses nothing another node cannot take over.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_nodes_started_at_once_on_a_fresh_database_migrate_it_once_and_share_the_load()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var database = await PostgresServer.CreateDatabaseAsync();
        await using var nodes = await StartNodesAsync(3, database, upstream.Url, hold: 0, lease: TimeSpan.FromMinutes(5));

        const int perNode = 20;
        var acknowledged = new ConcurrentDictionary<string, int>();
        await Task.WhenAll(nodes.All.Select((node, n) => Task.Run(async () =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
            for (var i = 0; i < perNode; i++)
                acknowledged[EnvoiTestHost.QueueIdFrom(await client.SendAsync(EnvoiTestHost.Message("load@example.com", "sink@example.net", $"spread-{n}-{i}")))] = n;
        })));

        var received = await WaitForAllAsync(upstream, acknowledged.Keys, TimeSpan.FromSeconds(30));
        Assert.Empty(acknowledged.Keys.Except(received));
        var accepted = await Task.WhenAll(nodes.All.Select(n => n.MetricAsync("envoi_messages_accepted_total")));
        var relayed = await Task.WhenAll(nodes.All.Select(n => n.MetricAsync("envoi_recipients_relayed_total")));
        output.WriteLine($"accepted per node: {string.Join(", ", accepted)}; relayed per node: {string.Join(", ", relayed)}");
        Assert.All(accepted, a => Assert.Equal(perNode, a));
        Assert.All(relayed, r => Assert.True(r > 0, "every node relayed part of the load"));
        Assert.Equal(3 * perNode, relayed.Sum());

        // One migration run: the history holds each migration once, and no node logged a failure.
        await using var connection = new NpgsqlConnection(Envoi.Data.DatabaseTarget.Resolve(database, Path.GetTempPath()).ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*), count(DISTINCT "MigrationId") FROM "__EFMigrationsHistory" """, connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
        Assert.All(nodes.All, n => Assert.DoesNotContain("fail:", n.Log));
    }

    [Fact]
    public async Task A_message_accepted_by_node_B_is_cancelled_sent_now_and_returned_through_node_A()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var database = await PostgresServer.CreateDatabaseAsync();
        await using var nodes = await StartNodesAsync(2, database, upstream.Url, hold: 300, lease: TimeSpan.FromMinutes(5));
        var (a, b) = (nodes.All[0], nodes.All[1]);
        var token = await AdminTokenAsync(database);
        a.Authorize(token);
        b.Authorize(token);

        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", b.SmtpPort, SecureSocketOptions.None);
        var cancelled = EnvoiTestHost.QueueIdFrom(await client.SendAsync(EnvoiTestHost.Message("alice@example.com", "bob@example.net", "cancel me")));
        var sendNow = EnvoiTestHost.QueueIdFrom(await client.SendAsync(EnvoiTestHost.Message("alice@example.com", "carol@example.net", "send me now")));
        var returned = EnvoiTestHost.QueueIdFrom(await client.SendAsync(EnvoiTestHost.Message("alice@example.com", "dave@example.net", "give it back")));

        Assert.Equal("held", await StatusOnAsync(a, cancelled));
        (await a.Http.PostAsync($"/api/outbox/{cancelled}/cancel", null)).EnsureSuccessStatusCode();
        Assert.Equal("cancelled", await StatusOnAsync(b, cancelled));
        Assert.False((await b.Http.PostAsync($"/api/outbox/{cancelled}/send-now", null)).IsSuccessStatusCode, "node B must not release what node A cancelled");

        (await a.Http.PostAsync($"/api/outbox/{sendNow}/send-now", null)).EnsureSuccessStatusCode();
        var relayed = await upstream.WaitForAsync(m => m.Recipients.Contains("carol@example.net"), TimeSpan.FromSeconds(15));
        Assert.Equal("send me now", relayed.Parse().Subject);

        // Returning a draft reads the body node B stored and injects a new message on node A.
        (await a.Http.PostAsync($"/api/outbox/{returned}/cancel?return=true", null)).EnsureSuccessStatusCode();
        var draft = await upstream.WaitForAsync(m => m.Recipients.Contains("alice@example.com"), TimeSpan.FromSeconds(15));
        Assert.Contains("give it back", draft.Text);

        await Task.Delay(500);
        Assert.Empty(upstream.For("bob@example.net"));
        Assert.Empty(upstream.For("dave@example.net"));
    }

    [Fact]
    public async Task Every_acknowledged_message_is_relayed_when_a_node_is_killed_mid_load()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var database = await PostgresServer.CreateDatabaseAsync();
        // A short lease so the survivors take over the dead node's messages within seconds.
        await using var nodes = await StartNodesAsync(3, database, upstream.Url, hold: 1, lease: TimeSpan.FromSeconds(3));
        var victim = nodes.All[1];
        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stopLoad = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 6).Select(c => Task.Run(async () =>
        {
            var node = nodes.All[c % 3];
            while (!stopLoad.IsCancellationRequested && !(node == victim && node.HasExited))
            {
                try
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
                    for (var i = 0; i < 20 && !stopLoad.IsCancellationRequested; i++)
                    {
                        var reply = await client.SendAsync(EnvoiTestHost.Message("load@example.com", "sink@example.net", $"kill-{c}-{i}", new string('x', 2000)));
                        acknowledged[EnvoiTestHost.QueueIdFrom(reply)] = node.Name;
                    }
                }
                catch (Exception)
                {
                    // The node is gone: this message was never acknowledged.
                    await Task.Delay(50);
                }
            }
        })).ToList();

        // Let the load build up (with a one-second hold, every node has messages waiting and in flight), then SIGKILL one node.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (acknowledged.Values.Count(v => v == victim.Name) < 100 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await victim.KillAsync();
        var ackedByVictim = acknowledged.Values.Count(v => v == victim.Name);
        var relayedAtKill = upstream.Received.Count;
        await Task.Delay(1000);
        stopLoad.Cancel();
        await Task.WhenAll(clients);

        var received = await WaitForAllAsync(upstream, acknowledged.Keys, TimeSpan.FromSeconds(40));
        var all = upstream.Received.Select(m => EnvoiNode.QueueIdOf(m.Text)).ToList();
        var missing = acknowledged.Keys.Except(received).ToList();
        var duplicates = all.GroupBy(id => id).Count(g => g.Count() > 1);
        var survivorsRelayed = await Task.WhenAll(nodes.All.Where(n => n != victim).Select(n => n.MetricAsync("envoi_recipients_relayed_total")));
        output.WriteLine($"acknowledged {acknowledged.Count} ({ackedByVictim} by the killed node); {relayedAtKill} relayed when it was killed; " +
                         $"received {all.Count}; missing {missing.Count}; relayed twice {duplicates}; relayed by the survivors {survivorsRelayed.Sum()}");
        Assert.True(ackedByVictim >= 50, $"the load on the killed node was too light to mean anything ({ackedByVictim} messages)");
        Assert.Empty(missing);
        // Duplicates come only from messages the dead node had handed upstream but not yet recorded.
        Assert.True(duplicates <= 2 * 8 * 2, $"{duplicates} duplicates: more than the dead node can have had in flight");
    }

    private static async Task<Nodes> StartNodesAsync(int count, string database, string upstream, int hold, TimeSpan lease)
    {
        var started = Stopwatch.StartNew();
        var nodes = new Nodes(Enumerable.Range(0, count).Select(i => EnvoiNode.Start(((char)('a' + i)).ToString(), database, upstream, hold, lease)).ToList());
        try
        {
            await Task.WhenAll(nodes.All.Select(n => n.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
        return nodes;
    }

    internal static async Task<string> AdminTokenAsync(string database)
    {
        var data = TempDirectory.Create("envoi-cli");
        try
        {
            var (added, addOutput) = await EnvoiCli.RunAsync("users", "add", "admin@example.com", "--password", "admin-password", "--admin", "--data", data, "--database", database);
            Assert.True(added == 0, addOutput);
            var (created, token) = await EnvoiCli.RunAsync("tokens", "create", "admin@example.com", "--data", data, "--database", database);
            Assert.True(created == 0, token);
            return token.Trim().Split('\n')[^1].Trim();
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    private static async Task<string?> StatusOnAsync(EnvoiNode node, string id)
    {
        using var json = JsonDocument.Parse(await node.Http.GetStringAsync($"/api/outbox/{id}"));
        return json.RootElement.GetProperty("status").GetString();
    }

    private static async Task<HashSet<string>> WaitForAllAsync(TestUpstream upstream, ICollection<string> wanted, TimeSpan timeout)
    {
        var want = wanted.ToHashSet();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var received = upstream.Received.Select(m => EnvoiNode.QueueIdOf(m.Text)).ToHashSet();
            if (want.IsSubsetOf(received) || DateTime.UtcNow > deadline) return received;
            await Task.Delay(100);
        }
    }

    private sealed class Nodes(IReadOnlyList<EnvoiNode> all) : IAsyncDisposable
    {
        public IReadOnlyList<EnvoiNode> All { get; } = all;

        public async ValueTask DisposeAsync()
        {
            foreach (var node in All) await node.DisposeAsync();
        }
    }
}
