using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Mail.Accept;
using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Envoi.Tests.Accept;

public sealed class SubmissionTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync(s => s.Hold.DefaultSeconds = 60);
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    [Fact]
    public async Task Authenticated_message_is_acknowledged_with_its_queue_id_and_held()
    {
        var id = await _envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Quarterly numbers"));

        Assert.Matches("^[0-9A-Z]{16}$", id);
        var entry = await _envoi.FindAsync(id);
        Assert.NotNull(entry);
        Assert.Equal(MessageStatus.Held, entry.Status);
        Assert.Equal("Quarterly numbers", entry.Subject);
        Assert.InRange(entry.ReleaseAt - entry.ReceivedAt, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task Ehlo_advertises_the_extensions_clients_rely_on()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        var ehlo = await raw.CommandAsync("EHLO client.test");
        foreach (var extension in new[] { "PIPELINING", "8BITMIME", "SMTPUTF8", "STARTTLS", "SIZE 36700160", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES" })
            Assert.Contains(extension, ehlo);
    }

    [Fact]
    public async Task Wrong_password_is_refused()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _envoi.SmtpPort, SecureSocketOptions.None);
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("alice@example.com", "wrong-password"));
        Assert.Contains("535", error.Message + (error.InnerException?.Message ?? ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_login_mechanism_works_too()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.CommandAsync("EHLO client.test");
        Assert.StartsWith("334", await raw.CommandAsync("AUTH LOGIN"));
        Assert.StartsWith("334", await raw.CommandAsync(Convert.ToBase64String("alice@example.com"u8.ToArray())));
        Assert.StartsWith("235", await raw.CommandAsync(Convert.ToBase64String("alice-password"u8.ToArray())));
    }

    [Fact]
    public async Task Sender_may_not_impersonate_another_address()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _envoi.SmtpPort, SecureSocketOptions.None);
        await client.AuthenticateAsync("alice@example.com", "alice-password");
        var message = EnvoiTestHost.Message("ceo@example.com", "bob@example.net");
        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message, new MailboxAddress("", "ceo@example.com"), [new MailboxAddress("", "bob@example.net")]));
        Assert.Equal(553, (int)error.StatusCode);
        Assert.Contains("may send only as yourself", error.Message);
    }

    [Fact]
    public async Task Alias_may_be_used_as_sender()
    {
        var store = _envoi.Get<Envoi.Core.Users.IUserStore>();
        var alice = await store.FindByEmailAsync("alice@example.com", default);
        Assert.True(await store.AddAliasAsync(alice!.Id, "sales@example.com", default));

        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _envoi.SmtpPort, SecureSocketOptions.None);
        await client.AuthenticateAsync("alice@example.com", "alice-password");
        var reply = await client.SendAsync(EnvoiTestHost.Message("sales@example.com", "bob@example.net"), new MailboxAddress("", "sales@example.com"), [new MailboxAddress("", "bob@example.net")]);
        var entry = await _envoi.FindAsync(EnvoiTestHost.QueueIdFrom(reply));
        Assert.Equal(alice.Id, entry!.UserId);
        Assert.Equal(alice.Id, (await store.FindByEmailAsync("SALES@example.com", default))!.Id);
    }

    [Fact]
    public async Task Starttls_then_auth_works_with_the_generated_certificate()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=envoi.test" };
        await client.ConnectAsync("127.0.0.1", _envoi.SmtpPort, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);
        await client.AuthenticateAsync("alice@example.com", "alice-password");
        var reply = await client.SendAsync(EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        Assert.Contains("queued as", reply);
        Assert.True(File.Exists(Path.Combine(_envoi.DataDirectory, "smtp-selfsigned.pfx")));
    }

    [Fact]
    public async Task Implicit_tls_listener_accepts_mail()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Smtp.ImplicitTlsListen = "127.0.0.1:0");
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var tlsPort = envoi.Get<SmtpListener>().BoundEndpoints[1].Port;
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", tlsPort, SecureSocketOptions.SslOnConnect);
        Assert.True(client.IsSecure);
        await client.AuthenticateAsync("alice@example.com", "alice-password");
        Assert.Contains("queued as", await client.SendAsync(EnvoiTestHost.Message("alice@example.com", "bob@example.net")));
    }

    [Fact]
    public async Task Received_header_records_the_hop_with_the_queue_id()
    {
        var id = await _envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        await using var spooled = _envoi.Get<Envoi.Core.Queue.IMessageSpool>().OpenRead(id);
        var message = await MimeMessage.LoadAsync(spooled);
        var received = message.Headers[HeaderId.Received];
        Assert.Contains($"by envoi.test (Envoi) with ESMTPA id {id}", received);
    }

    [Fact]
    public async Task Eight_bit_and_utf8_messages_are_accepted()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<alice@example.com> BODY=8BITMIME SMTPUTF8"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<bob@example.net>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        var reply = await raw.CommandAsync("Subject: Ça marche\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nDéjà vu, über naïve.\r\n.");
        Assert.StartsWith("250 2.0.0 Ok: queued as", reply);
        var entry = await _envoi.FindAsync(EnvoiTestHost.QueueIdFrom(reply));
        Assert.Equal("Ça marche", entry!.Subject);
    }
}
