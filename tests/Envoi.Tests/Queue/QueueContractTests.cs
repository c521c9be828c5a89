using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Hosting;
using Envoi.Tests.Support;

namespace Envoi.Tests.Queue;

/// <summary>
/// What the queue promises, checked on every database Envoi supports: messages wait out their
/// window and leave on time, survive a restart, and cancel and release never both win.
/// </summary>
public abstract class QueueContractTests : IAsyncLifetime
{
    protected TestUpstream Upstream = null!;
    private string? _database;

    /// <summary>Null for SQLite in the data directory, else a database URL.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Upstream = await TestUpstream.StartAsync();
        _database = await CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await Upstream.DisposeAsync();

    private Task<EnvoiTestHost> StartEnvoiAsync(int holdSeconds, string? dataDirectory = null) =>
        EnvoiTestHost.StartAsync(s =>
        {
            s.Database = _database;
            s.Hold.DefaultSeconds = holdSeconds;
            s.Upstream.Url = Upstream.Url;
        }, dataDirectory);

    [Fact]
    public async Task Held_message_leaves_within_a_second_of_its_window()
    {
        await using var envoi = await StartEnvoiAsync(holdSeconds: 2);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        var held = await envoi.FindAsync(id);
        Assert.Equal(MessageStatus.Held, held!.Status);
        await Task.Delay(1500);
        Assert.Empty(Upstream.For("bob@example.net"));
        await Upstream.WaitForAsync(m => m.Recipients.Contains("bob@example.net"), TimeSpan.FromSeconds(5));
        var late = DateTimeOffset.UtcNow - held.ReleaseAt;
        Assert.True(late < TimeSpan.FromSeconds(1), $"released {late.TotalMilliseconds:0} ms after its time");
    }

    [Fact]
    public async Task Held_message_survives_a_restart()
    {
        var data = TempDirectory.Create("envoi-restart");
        string id;
        await using (var first = await StartEnvoiAsync(holdSeconds: 3, data))
        {
            await first.AddUserAsync("alice@example.com", "alice-password");
            id = await first.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Across restarts"));
        }
        Assert.Empty(Upstream.For("bob@example.net"));
        await using var second = await StartEnvoiAsync(holdSeconds: 3, data);
        await second.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(10));
        Assert.Equal("Across restarts", Assert.Single(Upstream.For("bob@example.net")).Parse().Subject);
        TempDirectory.Delete(data);
    }

    [Fact]
    public async Task Cancel_and_release_racing_never_both_win_and_never_both_lose()
    {
        await using var envoi = await StartEnvoiAsync(holdSeconds: 1);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        const int count = 40;
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add(await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", $"race{i}@example.net", $"race {i}")));

        // Fire the cancels around the moment the messages fall due, spread over ±300 ms.
        var outbox = envoi.Get<OutboxService>();
        var first = (await envoi.FindAsync(ids[0]))!.ReleaseAt;
        await Task.Delay(Math.Max(0, (int)(first - DateTimeOffset.UtcNow).TotalMilliseconds - 300));
        var cancels = ids.Select(async (id, i) =>
        {
            await Task.Delay(i * 15);
            return (id, await outbox.CancelAsync(Actor.Operator, id, returnToSender: false, default));
        }).ToList();
        var results = await Task.WhenAll(cancels);
        await Task.Delay(2000);

        int cancelled = 0, relayed = 0;
        foreach (var (id, result) in results)
        {
            var entry = (await envoi.FindAsync(id))!;
            var recipient = entry.Recipients.Single().Address;
            var deliveries = Upstream.For(recipient).Count;
            if (entry.Status == MessageStatus.Cancelled)
            {
                Assert.True(result.Succeeded, $"{id} is cancelled but the cancel said: {result.Message}");
                Assert.Equal(0, deliveries);
                cancelled++;
            }
            else
            {
                Assert.Equal(MessageStatus.Relayed, entry.Status);
                Assert.False(result.Succeeded, $"{id} was relayed although the cancel said: {result.Message}");
                Assert.Equal(1, deliveries);
                relayed++;
            }
        }
        Assert.Equal(count, cancelled + relayed);
    }

    [Fact]
    public async Task Outbox_cli_lists_json_with_the_documented_fields()
    {
        await using var envoi = await StartEnvoiAsync(holdSeconds: 60);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        var (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "outbox", "list", "--json");
        Assert.Equal(0, exit);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        var item = json.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("alice@example.com", item.GetProperty("from").GetString());
        Assert.Equal("bob@example.net", item.GetProperty("recipients")[0].GetString());
        Assert.Equal("held", item.GetProperty("status").GetString());
        Assert.True(item.TryGetProperty("releaseAt", out _));

        var (cancelExit, cancelOutput) = await EnvoiCli.RunAsync(envoi.Settings, "outbox", "cancel", id);
        Assert.Equal(0, cancelExit);
        Assert.Contains("cancelled", cancelOutput);
        var (againExit, _) = await EnvoiCli.RunAsync(envoi.Settings, "outbox", "cancel", id);
        Assert.Equal(1, againExit);
    }
}

public sealed class SqliteQueueTests : QueueContractTests
{
    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresQueueTests : QueueContractTests
{
    protected override async Task<string?> CreateDatabaseAsync() => await PostgresServer.CreateDatabaseAsync();
}
