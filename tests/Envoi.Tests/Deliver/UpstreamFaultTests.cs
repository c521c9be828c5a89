using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Deliver;

/// <summary>Postfix's smtp-sink playing a failing smarthost: each fault lands in the right state with the upstream's words.</summary>
public sealed class UpstreamFaultTests
{
    private static async Task<(EnvoiTestHost Envoi, SmtpSink Sink)> StartAsync(string faults)
    {
        var sink = await SmtpSink.StartAsync(faults: faults);
        var envoi = await EnvoiTestHost.StartAsync(s => { s.Upstream.Url = sink.Url; s.Queue.RetrySchedule = [TimeSpan.FromMinutes(10)]; });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        return (envoi, sink);
    }

    private static async Task<OutboxEntry> SendAndWaitAsync(EnvoiTestHost envoi, MessageStatus expected)
    {
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        return await envoi.WaitForStatusAsync(id, expected);
    }

    [Theory]
    [InlineData("-Q rcpt", "421")]   // service closing at RCPT
    [InlineData("-r mail", "450")]   // soft refusal of the sender
    [InlineData("-r rcpt", "450")]   // soft refusal of the recipient
    [InlineData("-r data", "450")]   // soft refusal of DATA
    [InlineData("-q .", "421 4.4.2")] // connection dropped after the message, before the reply
    [InlineData("-Q connect", "421")] // 421 greeting
    public async Task Temporary_faults_defer_the_recipient(string faults, string replyStart)
    {
        var (envoi, sink) = await StartAsync(faults);
        await using var _ = envoi;
        await using var __ = sink;
        var entry = await SendAndWaitAsync(envoi, MessageStatus.Deferred);
        var recipient = entry.Recipients.Single();
        Assert.Equal(RecipientStatus.Deferred, recipient.Status);
        Assert.StartsWith(replyStart, recipient.Response);
        Assert.True(entry.ReleaseAt > DateTimeOffset.UtcNow.AddMinutes(9), "retry follows the configured schedule");
    }

    [Theory]
    [InlineData("-f rcpt")]
    [InlineData("-f mail")]
    [InlineData("-f data")]
    public async Task Permanent_refusals_fail_the_recipient(string faults)
    {
        var (envoi, sink) = await StartAsync(faults);
        await using var _ = envoi;
        await using var __ = sink;
        var entry = await SendAndWaitAsync(envoi, MessageStatus.Failed);
        Assert.StartsWith("500 5.3.0", entry.Recipients.Single().Response);
    }
}
