using Envoi.Core.Queue;
using System.Text;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>Size, recipient, line and hop limits, each refused with a reply a person can act on; garbage never kills the server.</summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync(s => { s.Smtp.MaxMessageBytes = 200_000; s.Hold.DefaultSeconds = 60; });
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task<RawSmtpClient> ReadyForDataAsync(int recipients = 1)
    {
        var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<alice@example.com>"));
        for (var i = 0; i < recipients; i++) Assert.StartsWith("250", await raw.CommandAsync($"RCPT TO:<r{i}@example.net>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        return raw;
    }

    [Fact]
    public async Task Declared_size_over_the_limit_is_refused_at_mail_from()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        var reply = await raw.CommandAsync("MAIL FROM:<alice@example.com> SIZE=300000");
        Assert.StartsWith("552 ", reply); // the SMTP engine answers this one itself: "552 size limit exceeded"
        Assert.Contains("size", reply);
    }

    [Fact]
    public async Task Oversized_data_is_refused_while_reading_and_nothing_is_queued()
    {
        var raw = await ReadyForDataAsync();
        var line = new string('x', 998) + "\r\n";
        var body = new StringBuilder("Subject: big\r\n\r\n");
        while (body.Length < 300_000) body.Append(line);
        await raw.SendAsync(body + ".\r\n");
        var reply = await raw.ReadReplyAsync();
        Assert.StartsWith("552", reply);
        await raw.DisposeAsync();
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Recipients_beyond_the_limit_get_452_and_the_first_thousand_are_kept()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        // 10 000 RCPT commands pipelined in one write, as a spammer's script would.
        var commands = new StringBuilder();
        for (var i = 0; i < 10_000; i++) commands.Append($"RCPT TO:<r{i}@example.net>\r\n");
        await raw.SendAsync(commands.ToString());
        int accepted = 0, refused = 0;
        string? firstRefusal = null;
        while (accepted + refused < 10_000)
        {
            var reply = await raw.ReadReplyAsync();
            if (reply is null) break; // the engine hangs up after 20 consecutive errors, like Postfix's hard error limit
            if (reply.StartsWith("250")) accepted++;
            else { refused++; firstRefusal ??= reply; }
        }
        Assert.Equal(1000, accepted);
        Assert.StartsWith("452 4.5.3 Too many recipients", firstRefusal);
    }

    [Fact]
    public async Task Mail_loop_is_detected_by_counting_received_headers()
    {
        var raw = await ReadyForDataAsync();
        var headers = string.Concat(Enumerable.Range(0, 51).Select(i => $"Received: from hop{i}.example.net by hop{i + 1}.example.net; Fri, 27 Nov 2026 10:00:00 +0000\r\n"));
        var reply = await raw.CommandAsync(headers + "Subject: loop\r\n\r\nx\r\n.");
        Assert.StartsWith("554 5.4.6 Mail loop", reply);
        await raw.DisposeAsync();
    }

    [Fact]
    public async Task Fifty_received_headers_are_still_accepted()
    {
        var raw = await ReadyForDataAsync();
        var headers = string.Concat(Enumerable.Range(0, 50).Select(i => $"Received: from hop{i} by hop{i + 1}; Fri, 27 Nov 2026 10:00:00 +0000\r\n"));
        Assert.StartsWith("250", await raw.CommandAsync(headers + "Subject: long path\r\n\r\nx\r\n."));
        await raw.DisposeAsync();
    }

    [Fact]
    public async Task Megabyte_header_line_is_refused_with_the_rfc_limit()
    {
        var small = await EnvoiTestHost.StartAsync();
        await using var _ = small;
        await small.AddUserAsync("alice@example.com", "alice-password");
        await using var raw = await RawSmtpClient.ConnectAsync(small.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        await raw.CommandAsync("RCPT TO:<bob@example.net>");
        await raw.CommandAsync("DATA");
        var reply = await raw.CommandAsync("X-Huge: " + new string('a', 1024 * 1024) + "\r\nSubject: x\r\n\r\nbody\r\n.");
        Assert.StartsWith("554 5.6.0", reply);
        Assert.Contains("998", reply);
    }

    [Fact]
    public async Task Long_body_lines_are_accepted_and_left_for_the_relay_to_encode()
    {
        var raw = await ReadyForDataAsync();
        var reply = await raw.CommandAsync("Subject: long line\r\n\r\n" + new string('b', 5000) + "\r\n.");
        Assert.StartsWith("250", reply);
        await raw.DisposeAsync();
    }

    [Fact]
    public async Task Binary_noise_does_not_break_the_server()
    {
        var noise = new byte[256 * 1024];
        new Random(42).NextBytes(noise);
        await using (var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort))
        {
            await raw.SendAsync(noise);
            await raw.ReadReplyAsync(TimeSpan.FromSeconds(5)); // some error or a hang-up; either is fine
        }
        // The server still serves the next client normally.
        var id = await _envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        Assert.NotNull(await _envoi.FindAsync(id));
    }

    [Fact]
    public async Task Empty_message_is_refused_instead_of_hanging()
    {
        var raw = await ReadyForDataAsync();
        var reply = await raw.CommandAsync(".");
        Assert.StartsWith("554 5.6.0", reply);
        await raw.DisposeAsync();
    }

    private Task<IReadOnlyList<Envoi.Core.Queue.OutboxEntry>> ListAsync() =>
        _envoi.Get<Envoi.Core.Outbox.OutboxService>().ListAsync(Envoi.Core.Outbox.Actor.Operator, null, 100, default);
}
