using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Storage;
using Envoi.Core.Tracking;
using Envoi.Tests.Support;

namespace Envoi.Tests.Queue;

/// <summary>Data lifecycle: finished mail is purged after Queue:Retention, mail still in the queue and the statistics are kept, and an admin sees each store's size.</summary>
public sealed class RetentionTests
{
    private static long Rows(StorageReport report, string name) => report.Stores.Single(s => s.Name == name).Items;

    [Fact]
    public async Task Relayed_and_cancelled_messages_are_purged_after_the_retention_and_statistics_are_kept()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = upstream.Url;
            s.Queue.Retention = TimeSpan.Zero; // keep everything until the test has looked
            s.Queue.JanitorInterval = TimeSpan.FromMilliseconds(200);
            s.Queue.RetrySchedule = [TimeSpan.FromMinutes(10)];
        });
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        await envoi.AddUserAsync("carol@example.com", "carol-password", holdSeconds: 600);
        await envoi.ImportEmployeesAsync("email,displayName\nalice@example.com,Alice Martin\n");

        var relayed = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        var deferred = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "defer-me@example.net"));
        var cancelled = await envoi.SendAsync("carol@example.com", "carol-password", EnvoiTestHost.Message("carol@example.com", "dan@example.net"));
        await envoi.WaitForStatusAsync(relayed, MessageStatus.Relayed);
        await envoi.WaitForStatusAsync(deferred, MessageStatus.Deferred);
        Assert.True((await envoi.Get<OutboxService>().CancelAsync(Actor.Operator, cancelled, returnToSender: false, default)).Succeeded);
        var spoolFile = Path.Combine(envoi.DataDirectory, "spool", cancelled + ".eml");
        Assert.True(File.Exists(spoolFile), "a cancelled body is kept until the retention passes");

        var alice = (await envoi.Get<IDirectoryStore>().FindAsync("alice@example.com", default))!.Id;
        var recorder = envoi.Get<TrackingRecorder>();
        recorder.Signed.Post(new SignedMessage(relayed, alice, "corporate", 0, DateTimeOffset.UtcNow));
        await recorder.FlushAsync(default);
        var before = await envoi.Get<StorageSurvey>().MeasureAsync(default);
        Assert.Equal(3, Rows(before, "queue: messages"));
        Assert.True(Rows(before, "statistics roll-ups (kept)") > 0);

        envoi.Settings.Queue.Retention = TimeSpan.FromMilliseconds(1); // the live options: the next pass applies it
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await envoi.FindAsync(relayed) is not null || await envoi.FindAsync(cancelled) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "finished messages were not purged");
            await Task.Delay(100);
        }
        Assert.False(File.Exists(spoolFile));
        var stillQueued = await envoi.FindAsync(deferred);
        Assert.Equal(MessageStatus.Deferred, stillQueued!.Status); // mail still to deliver is never purged
        Assert.True(File.Exists(Path.Combine(envoi.DataDirectory, "spool", deferred + ".eml")));

        var after = await envoi.Get<StorageSurvey>().MeasureAsync(default);
        Assert.Equal(1, Rows(after, "queue: messages"));
        Assert.Equal(1, Rows(after, "queue: recipient results"));
        Assert.Equal(Rows(before, "statistics roll-ups (kept)"), Rows(after, "statistics roll-ups (kept)"));
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=7d&by=employee");
        Assert.Equal(1, stats.GetProperty("totals").GetProperty("messagesSigned").GetInt64());
    }

    [Fact]
    public async Task Admin_sees_the_size_of_each_store_over_rest_and_cli()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        var (_, alice) = await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed); // captured: no upstream

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/storage")).StatusCode);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/storage");
        Assert.Equal("30.00:00:00", report.GetProperty("retention").GetString());
        var stores = report.GetProperty("stores").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.True(stores["database"].GetProperty("bytes").GetInt64() > 0);
        Assert.Equal(1, stores["queue: messages"].GetProperty("items").GetInt64());
        Assert.Equal(1, stores["captured mail"].GetProperty("items").GetInt64() / 2); // the .eml and its .json
        Assert.True(stores["captured mail"].GetProperty("bytes").GetInt64() > 100);
        Assert.Contains("spool", stores.Keys);

        var (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "storage");
        Assert.Equal(0, exit);
        Assert.Matches(@"queue: messages\s+1 rows", output);
        Assert.Contains("purged 30 days after they were received (Queue:Retention)", output);
    }
}
