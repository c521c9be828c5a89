using System.Diagnostics;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Envoi.Tests.Cli;

/// <summary>SQLite has one writer: CLI verbs run while <c>envoi serve</c> relays mail wait for their turn instead of failing with "database is locked".</summary>
public sealed class CliDatabaseLockTests
{
    [Fact]
    public async Task Cli_verbs_wait_for_a_held_write_lock_and_for_each_other_while_the_server_relays()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        await envoi.AddUserAsync("alice@example.com", "alice-password");

        // Another writer holds the database's write lock for 3 s (a long import, a backup).
        var lockHeld = new TaskCompletionSource();
        var holder = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(envoi.DataDirectory, "envoi.db")};Pooling=False");
            await connection.OpenAsync();
            await using (var begin = connection.CreateCommand()) { begin.CommandText = "BEGIN IMMEDIATE"; await begin.ExecuteNonQueryAsync(); }
            lockHeld.SetResult();
            await Task.Delay(3000);
            await using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        });
        await lockHeld.Task;
        var watch = Stopwatch.StartNew();
        // Four verbs at once, each a writer, while mail is accepted and relayed.
        var verbs = Enumerable.Range(0, 4).Select(i => EnvoiCli.RunAsync(envoi.Settings, "users", "add", $"user{i}@example.com", "--password", $"password-{i}-long")).ToList();
        var mail = Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 10; i++) ids.Add(await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", $"bob{i}@example.net")));
            return ids;
        });
        var results = await Task.WhenAll(verbs);
        await holder;
        Assert.All(results, r => Assert.True(r.Exit == 0, r.Output));
        Assert.DoesNotContain(results, r => r.Output.Contains("locked", StringComparison.OrdinalIgnoreCase));
        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(2), "the verbs waited for the lock");
        foreach (var id in await mail) await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(30));
        var (listExit, list) = await EnvoiCli.RunAsync(envoi.Settings, "users", "list");
        Assert.Equal(0, listExit);
        for (var i = 0; i < 4; i++) Assert.Contains($"user{i}@example.com", list);
    }
}
