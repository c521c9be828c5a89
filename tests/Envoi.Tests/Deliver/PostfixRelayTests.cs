using Envoi.Core.Outbox;
using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Envoi.Tests.Deliver;

/// <summary>A real Postfix with relayhost = Envoi, the way an organization connects its own mail server.</summary>
public sealed class PostfixRelayTests
{
    [Fact]
    public async Task Postfix_relaying_through_envoi_reaches_the_upstream_with_both_hops_recorded()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = upstream.Url;
            s.Smtp.TrustedNetworks = ["127.0.0.0/8"];
            s.Hold.DefaultSeconds = 0;
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password", holdSeconds: 1);
        await using var postfix = await PostfixInstance.StartAsync($"[127.0.0.1]:{envoi.SmtpPort}");

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", postfix.Port, SecureSocketOptions.None);
            await client.SendAsync(EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Through Postfix"));
            await client.DisconnectAsync(true);
        }

        var received = await upstream.WaitForAsync(m => m.Recipients.Contains("bob@example.net"), TimeSpan.FromSeconds(30));
        Assert.Equal("alice@example.com", received.Sender);
        Assert.Contains("by envoi.test (Envoi) with ESMTP", received.Text);
        Assert.Contains("by postfix.test (Postfix)", received.Text);
        Assert.Equal("Through Postfix", received.Parse().Subject);

        // The connector's message belongs to Alice's outbox and used her undo window.
        var entry = (await envoi.Get<OutboxService>().ListAsync(Actor.Operator, null, 10, default)).Single();
        Assert.NotNull(entry.UserId);
        Assert.InRange((entry.ReleaseAt - entry.ReceivedAt).TotalSeconds, 0.9, 1.1);
    }
}
