using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;
using MimeKit;

namespace Envoi.Tests.Deliver;

/// <summary>Relay to the upstream: a result per recipient, retries on 4xx and faults, bounces on 5xx and expiry.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = _upstream.Url);
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync()
    {
        await _envoi.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private Task<string> SendToAsync(params string[] recipients)
    {
        var message = EnvoiTestHost.Message("alice@example.com", recipients[0], "Report");
        return _envoi.SendAsync("alice@example.com", "alice-password", message, recipients);
    }

    [Fact]
    public async Task Each_recipient_gets_its_own_result()
    {
        var id = await SendToAsync("ok@example.net", "reject-me@example.net", "defer-me@example.net");
        var entry = await _envoi.WaitUntilAsync(id, e => e.Attempts >= 1, "one attempt made");

        var byAddress = entry.Recipients.ToDictionary(r => r.Address);
        Assert.Equal(RecipientStatus.Relayed, byAddress["ok@example.net"].Status);
        Assert.Equal(RecipientStatus.Failed, byAddress["reject-me@example.net"].Status);
        Assert.StartsWith("550 5.1.1", byAddress["reject-me@example.net"].Response);
        Assert.Equal(RecipientStatus.Deferred, byAddress["defer-me@example.net"].Status);
        Assert.Equal(MessageStatus.Deferred, entry.Status);
        Assert.Equal(["ok@example.net"], Assert.Single(_upstream.Received, m => m.Sender == "alice@example.com").Recipients);
    }

    [Fact]
    public async Task Deferred_recipient_is_retried_and_the_relayed_one_is_not_sent_twice()
    {
        var id = await SendToAsync("ok@example.net", "defer-later@example.net");
        await _envoi.WaitUntilAsync(id, e => e.Attempts >= 1, "one attempt made");
        _upstream.AcceptDeferred = true;
        var entry = await _envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(10));
        Assert.All(entry.Recipients, r => Assert.Equal(RecipientStatus.Relayed, r.Status));
        Assert.Single(_upstream.For("ok@example.net"));
        Assert.Single(_upstream.For("defer-later@example.net"));
    }

    [Fact]
    public async Task Permanent_failure_sends_an_rfc3464_bounce_from_the_null_sender()
    {
        var id = await SendToAsync("reject-nobody@example.net");
        await _envoi.WaitForStatusAsync(id, MessageStatus.Failed);
        var bounce = await _upstream.WaitForAsync(m => m.Recipients.Contains("alice@example.com"));
        Assert.Equal("", bounce.Sender);
        var message = bounce.Parse();
        var report = Assert.IsType<MultipartReport>(message.Body);
        Assert.Equal("delivery-status", report.ReportType);
        var status = Assert.Single(report.OfType<MessageDeliveryStatus>());
        var recipient = status.StatusGroups[1];
        Assert.Equal("rfc822; reject-nobody@example.net", recipient["Final-Recipient"]);
        Assert.Equal("failed", recipient["Action"]);
        Assert.Equal("5.1.1", recipient["Status"]);
        Assert.Contains("auto-replied", message.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public async Task Expired_recipient_is_bounced_after_the_queue_lifetime()
    {
        await using var shortLived = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = _upstream.Url;
            s.Queue.MaxAge = TimeSpan.FromSeconds(2);
        });
        await shortLived.AddUserAsync("alice@example.com", "alice-password");
        var id = await shortLived.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "defer-forever@example.net"));
        var entry = await shortLived.WaitForStatusAsync(id, MessageStatus.Failed, TimeSpan.FromSeconds(15));
        Assert.StartsWith("4.4.7 Gave up", entry.Recipients.Single().Response);
        var bounce = await _upstream.WaitForAsync(m => m.Sender == "" && m.Recipients.Contains("alice@example.com"));
        Assert.Contains("4.4.7", bounce.Text);
    }

    [Fact]
    public async Task Bounce_of_a_bounce_is_never_sent()
    {
        await using var trusted = await EnvoiTestHost.StartAsync(s => { s.Upstream.Url = _upstream.Url; s.Smtp.TrustedNetworks = ["127.0.0.1"]; });
        await using var raw = await RawSmtpClient.ConnectAsync(trusted.SmtpPort);
        await raw.CommandAsync("EHLO mta.example.com");
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<>"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<reject-x@example.net>"));
        await raw.CommandAsync("DATA");
        var id = EnvoiTestHost.QueueIdFrom(await raw.CommandAsync("Subject: a bounce\r\n\r\nx\r\n."));
        await trusted.WaitForStatusAsync(id, MessageStatus.Failed);
        await Task.Delay(500);
        Assert.DoesNotContain(_upstream.Received, m => m.Sender == "");
        Assert.Empty(await trusted.Get<OutboxService>().ListAsync(Actor.Operator, [MessageStatus.Held, MessageStatus.Relaying], 10, default));
    }

    [Fact]
    public async Task Upstream_down_then_back_defers_and_then_delivers()
    {
        var port = FreePort.Next();
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = $"smtp://127.0.0.1:{port}");
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "later@example.net"));
        var deferred = await envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        Assert.StartsWith("421 4.4.2", deferred.Recipients.Single().Response);

        await using var sink = await SmtpSink.StartAsync(port);
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await sink.WaitForMessagesAsync(1));
    }

    [Fact]
    public async Task Recall_cancels_recipients_still_pending_and_keeps_the_delivered_ones()
    {
        var id = await SendToAsync("ok-recall@example.net", "defer-recall@example.net");
        await _envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        var result = await _envoi.Get<OutboxService>().CancelAsync(Actor.Operator, id, returnToSender: false, default);
        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("recalled", result.Message);
        var entry = (await _envoi.FindAsync(id))!;
        Assert.Equal(MessageStatus.Relayed, entry.Status);
        Assert.Equal(RecipientStatus.Cancelled, entry.Recipients.Single(r => r.Address == "defer-recall@example.net").Status);
        _upstream.AcceptDeferred = true;
        await Task.Delay(1500);
        Assert.Empty(_upstream.For("defer-recall@example.net"));
    }

    [Fact]
    public async Task Signed_message_reaches_the_upstream_byte_for_byte()
    {
        // A multipart/signed body must not be touched: any byte changed breaks the signature.
        const string body = "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b1\"\r\n" +
                            "Subject: signed\r\nX-Envoi-Send-At: 2000-01-01T00:00:00Z\r\n\r\n" +
                            "--b1\r\nContent-Type: text/plain\r\n\r\nSigned   text  with odd   spacing \r\n--b1\r\n" +
                            "Content-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b1--\r\n";
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        await raw.CommandAsync("RCPT TO:<signed@example.net>");
        await raw.CommandAsync("DATA");
        var id = EnvoiTestHost.QueueIdFrom(await raw.CommandAsync(body + "."));
        await _envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        var received = Assert.Single(_upstream.For("signed@example.net")).Text;
        Assert.Contains("--b1\r\nContent-Type: text/plain\r\n\r\nSigned   text  with odd   spacing \r\n--b1\r\n", received);
        Assert.DoesNotContain("X-Envoi-Send-At", received);
    }
}

/// <summary>The smarthost as providers run it: implicit TLS and a login.</summary>
public sealed class SecureUpstreamTests
{
    [Fact]
    public async Task Relays_over_implicit_tls_with_authentication()
    {
        await using var upstream = await TestUpstream.StartAsync(implicitTls: true, credentials: ("relay-user", "relay-secret"));
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = $"smtps://relay-user:relay-secret@127.0.0.1:{upstream.Port}";
            s.Upstream.AcceptAnyCertificate = true; // the test upstream's certificate is self-signed
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.Single(upstream.For("bob@example.net"));
    }

    [Fact]
    public async Task Wrong_upstream_password_defers_instead_of_losing_mail()
    {
        await using var upstream = await TestUpstream.StartAsync(credentials: ("relay-user", "relay-secret"));
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = $"smtp://relay-user:wrong@127.0.0.1:{upstream.Port}");
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        var entry = await envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        Assert.StartsWith("454 4.7.0", entry.Recipients.Single().Response);
        Assert.Contains("credentials", entry.Recipients.Single().Response);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task Self_signed_upstream_certificate_is_refused_unless_allowed()
    {
        await using var upstream = await TestUpstream.StartAsync(implicitTls: true);
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = upstream.Url);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        var entry = await envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        Assert.StartsWith("421 4.4.2", entry.Recipients.Single().Response);
        Assert.Empty(upstream.Received);
    }
}

public sealed class PipelineFailureTests
{
    /// <summary>A stage with a bug, as later stages (signature, links) could have.</summary>
    private sealed class ExplodingStage : Envoi.Core.Pipeline.IMessageStage
    {
        public string Name => "exploding";
        public ValueTask ProcessAsync(Envoi.Core.Pipeline.MessageContext context, CancellationToken ct) =>
            context.Message.Subject == "boom" ? throw new InvalidOperationException("stage bug") : ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Message_a_stage_fails_on_is_deferred_and_retried_not_stuck_relaying()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = upstream.Url,
            // The declared pipeline replaced by one buggy stage: the last registration wins.
            services: services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, new Envoi.Core.Pipeline.MessagePipeline([new ExplodingStage()])));
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "boom"));
        var entry = await envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        Assert.StartsWith("451 4.3.0 Envoi could not process this message (InvalidOperationException: stage bug)", entry.Recipients.Single().Response);

        var fine = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "fine"));
        await envoi.WaitForStatusAsync(fine, MessageStatus.Relayed);
    }
}
