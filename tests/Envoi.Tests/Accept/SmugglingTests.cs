using System.Text;
using Envoi.Core.Outbox;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>
/// SMTP smuggling: a client hides a second message behind a line ending another server would
/// take for the end of DATA. Envoi only ever ends DATA on CRLF.CRLF, and refuses any message where
/// a "." line touches a bare CR or LF (or holds a NUL), so the hidden message is neither queued
/// here nor passed on to confuse the upstream.
/// </summary>
public sealed class SmugglingTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public static TheoryData<string, bool> Vectors()
    {
        var data = new TheoryData<string, bool>();
        foreach (var v in new[] { "\n.\n", "\r.\r", "\r.\n", "\n.\r", "\n.\r\n", "\r\n.\n", "\r.\r\n", "\r\n.\r", "\r\n\0.\r\n" })
        {
            data.Add(v, false);
            data.Add(v, true);
        }
        return data;
    }

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync(s => s.Hold.DefaultSeconds = 60);
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Smuggled_message_is_never_queued(string vector, bool pipelined)
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        const string envelope = "MAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@example.net>\r\nDATA\r\n";
        var smuggled = "Subject: real\r\n\r\nreal body" + vector +
                       "MAIL FROM:<alice@example.com>\r\nRCPT TO:<victim@example.org>\r\nDATA\r\nSubject: smuggled\r\n\r\nsmuggled body\r\n.\r\n";
        var replies = new List<string?>();
        if (pipelined)
        {
            // Everything in one write, as an attacker would, including the commands after the fake end.
            await raw.SendAsync(Encoding.UTF8.GetBytes(envelope + smuggled));
            for (var i = 0; i < 4; i++) replies.Add(await raw.ReadReplyAsync(TimeSpan.FromSeconds(5)));
        }
        else
        {
            replies.Add(await raw.CommandAsync("MAIL FROM:<alice@example.com>"));
            replies.Add(await raw.CommandAsync("RCPT TO:<bob@example.net>"));
            replies.Add(await raw.CommandAsync("DATA"));
            await raw.SendAsync(Encoding.UTF8.GetBytes(smuggled));
            replies.Add(await raw.ReadReplyAsync(TimeSpan.FromSeconds(5)));
        }

        var dataReply = replies[3];
        Assert.NotNull(dataReply);
        Assert.StartsWith("554 5.6.", dataReply);
        var queued = await _envoi.Get<OutboxService>().ListAsync(Actor.Operator, null, 10, default);
        Assert.Empty(queued);
        // The session is still in step: a following well-formed message is accepted normally.
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<alice@example.com>"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<bob@example.net>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        Assert.StartsWith("250", await raw.CommandAsync("Subject: next\r\n\r\nfine\r\n."));
        var after = await _envoi.Get<OutboxService>().ListAsync(Actor.Operator, null, 10, default);
        Assert.Equal(["bob@example.net"], after.Single().Recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task Bare_lf_line_endings_without_a_dot_line_are_normalized_to_crlf()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        await raw.CommandAsync("RCPT TO:<bob@example.net>");
        await raw.CommandAsync("DATA");
        var reply = await raw.CommandAsync("Subject: unix script\nX-Test: 1\n\nline one\nline two\r\n.");
        Assert.StartsWith("250", reply);
        await using var body = _envoi.Get<Envoi.Core.Queue.IMessageSpool>().OpenRead(EnvoiTestHost.QueueIdFrom(reply));
        var bytes = new MemoryStream();
        await body.CopyToAsync(bytes);
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        Assert.Contains("Subject: unix script\r\nX-Test: 1\r\n\r\nline one\r\nline two\r\n", text);
        Assert.DoesNotMatch("[^\r]\n", text);
    }

    [Fact]
    public async Task Dot_stuffed_lines_are_unstuffed_including_the_first_line()
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        await raw.CommandAsync("RCPT TO:<bob@example.net>");
        await raw.CommandAsync("DATA");
        // A message without headers whose first line starts with a dot, then a lone-dot line in the body.
        var reply = await raw.CommandAsync("..first\r\n\r\nbody\r\n..\r\n...two dots\r\n.");
        Assert.StartsWith("250", reply);
        await using var body = _envoi.Get<Envoi.Core.Queue.IMessageSpool>().OpenRead(EnvoiTestHost.QueueIdFrom(reply));
        var text = await new StreamReader(body).ReadToEndAsync();
        Assert.EndsWith("\r\n.first\r\n\r\nbody\r\n.\r\n..two dots\r\n", text);
    }
}
