using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Queue;

/// <summary>What a crash during acceptance leaves behind is cleaned up at start-up, and nothing acknowledged is touched.</summary>
public sealed class SpoolRecoveryTests
{
    [Fact]
    public async Task Start_up_removes_unacknowledged_leftovers_and_keeps_acknowledged_mail()
    {
        var data = TempDirectory.Create("envoi-recovery");
        try
        {
            string kept, truncated;
            await using (var first = await EnvoiTestHost.StartAsync(s => s.Hold.DefaultSeconds = 3600, data))
            {
                await first.AddUserAsync("alice@example.com", "alice-password");
                kept = await first.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Kept"));
                truncated = await first.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Cut short"));
            }
            var spool = Path.Combine(data, "spool");
            // As if the crash came before the body's fsync finished, and before an orphan's row was committed.
            File.WriteAllText(Path.Combine(spool, truncated + ".eml"), "Subject: Cut");
            var orphan = QueueId.New(DateTimeOffset.UtcNow);
            File.WriteAllText(Path.Combine(spool, orphan + ".eml"), "Subject: never committed\r\n\r\nx\r\n");

            await using var second = await EnvoiTestHost.StartAsync(s => s.Hold.DefaultSeconds = 3600, data);
            Assert.NotNull(await second.FindAsync(kept));
            Assert.True(File.Exists(Path.Combine(spool, kept + ".eml")));
            Assert.Null(await second.FindAsync(truncated));
            Assert.False(File.Exists(Path.Combine(spool, truncated + ".eml")));
            Assert.False(File.Exists(Path.Combine(spool, orphan + ".eml")));
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }
}

public sealed class SpoolJanitorTests
{
    [Fact]
    public async Task Bodies_of_cancelled_messages_are_deleted_after_the_retention_and_others_are_kept()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Hold.DefaultSeconds = 3600;
            s.Queue.CancelledRetention = TimeSpan.FromSeconds(1);
            s.Queue.JanitorInterval = TimeSpan.FromMilliseconds(200);
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var cancelled = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Cancel me"));
        var held = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Keep me"));
        Assert.True((await envoi.Get<Envoi.Core.Outbox.OutboxService>().CancelAsync(Envoi.Core.Outbox.Actor.Operator, cancelled, false, default)).Succeeded);
        var spool = envoi.Get<IMessageSpool>();
        Assert.True(spool.Exists(cancelled)); // still returnable for now

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (spool.Exists(cancelled) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.False(spool.Exists(cancelled));
        Assert.True(spool.Exists(held));
    }
}
