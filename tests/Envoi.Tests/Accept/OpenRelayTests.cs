using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>Envoi must never be an open relay, whatever address tricks a client tries.</summary>
public sealed class OpenRelayTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync();
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    [Theory]
    [InlineData("bob@example.net")]
    [InlineData("a%example.net@envoi.test")]
    [InlineData("@envoi.test:a@example.net")]
    [InlineData("\"a@example.net\"@envoi.test")]
    [InlineData("a@example.net@envoi.test")]
    [InlineData("a@[192.0.2.1]")]
    [InlineData("postmaster")]
    public async Task Unauthenticated_client_cannot_relay_to(string recipient)
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.CommandAsync("EHLO stranger.test");
        var mail = await raw.CommandAsync("MAIL FROM:<someone@example.org>");
        Assert.StartsWith("530 5.7.0", mail);
        var rcpt = await raw.CommandAsync($"RCPT TO:<{recipient}>");
        Assert.Matches("^5[0-9][0-9] ", rcpt);
        var data = await raw.CommandAsync("DATA");
        Assert.Matches("^5[0-9][0-9] ", data);
        Assert.Empty(await _envoi.Get<Envoi.Core.Outbox.OutboxService>().ListAsync(Envoi.Core.Outbox.Actor.Operator, null, 10, default));
    }

    [Theory]
    [InlineData("a%example.net@example.com", "percent hack")]
    [InlineData("a@[192.0.2.1]", "domain literals")]
    [InlineData("\"a@example.net\"@example.com", "only one @")]
    [InlineData("b!a@example.com", "bang paths")]
    public async Task Authenticated_users_cannot_use_routing_tricks_either(string recipient, string reason)
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<alice@example.com>"));
        var rcpt = await raw.CommandAsync($"RCPT TO:<{recipient}>");
        Assert.StartsWith("550 5.7.1", rcpt);
        Assert.Contains(reason, rcpt);
    }

    [Fact]
    public async Task Source_route_is_reduced_to_its_final_mailbox_and_never_followed()
    {
        // The SMTP engine drops the route (RFC 5321 §3.3 lets servers ignore it): the message goes
        // to a@example.net like any recipient of an authenticated user, never via "envoi.test".
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<@envoi.test:a@example.net>"));
        await raw.CommandAsync("DATA");
        var reply = await raw.CommandAsync("Subject: x\r\n\r\nx\r\n.");
        var entry = await _envoi.FindAsync(EnvoiTestHost.QueueIdFrom(reply));
        Assert.Equal(["a@example.net"], entry!.Recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task Trusted_connector_may_relay_without_auth()
    {
        await using var trusted = await EnvoiTestHost.StartAsync(s => s.Smtp.TrustedNetworks = ["127.0.0.0/8"]);
        await using var raw = await RawSmtpClient.ConnectAsync(trusted.SmtpPort);
        await raw.CommandAsync("EHLO exchange.example.com");
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<anyone@example.com>"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<bob@example.net>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        Assert.StartsWith("250 2.0.0 Ok: queued as", await raw.CommandAsync("Subject: via connector\r\n\r\nHi\r\n."));
    }

    [Fact]
    public async Task Password_guessing_is_slowed_down_after_repeated_failures()
    {
        await using var guarded = await EnvoiTestHost.StartAsync(s => s.Smtp.MaxFailedLogins = 3);
        await guarded.AddUserAsync("alice@example.com", "alice-password");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var guess = await RawSmtpClient.ConnectAsync(guarded.SmtpPort);
            await guess.CommandAsync("EHLO guesser.test");
            var wrong = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"\0alice@example.com\0guess-{attempt}"));
            Assert.StartsWith("535", await guess.CommandAsync($"AUTH PLAIN {wrong}"));
        }
        // Even the right password is refused for now, with a reason a person understands.
        await using var raw = await RawSmtpClient.ConnectAsync(guarded.SmtpPort);
        await raw.CommandAsync("EHLO client.test");
        var right = Convert.ToBase64String("\0alice@example.com\0alice-password"u8.ToArray());
        Assert.StartsWith("454 4.7.0 Too many failed logins", await raw.CommandAsync($"AUTH PLAIN {right}"));
    }

    [Fact]
    public async Task Clear_text_auth_is_refused_when_loopback_is_not_exempt()
    {
        await using var strict = await EnvoiTestHost.StartAsync(s => s.Smtp.AllowClearTextAuthFromLoopback = false);
        await strict.AddUserAsync("alice@example.com", "alice-password");
        await using var raw = await RawSmtpClient.ConnectAsync(strict.SmtpPort);
        var ehlo = await raw.CommandAsync("EHLO client.test");
        Assert.DoesNotContain("AUTH", ehlo);
        var plain = Convert.ToBase64String("\0alice@example.com\0alice-password"u8.ToArray());
        Assert.StartsWith("538 5.7.11 Encryption required", await raw.CommandAsync($"AUTH PLAIN {plain}"));
        Assert.StartsWith("530", await raw.CommandAsync("MAIL FROM:<alice@example.com>"));
    }
}
