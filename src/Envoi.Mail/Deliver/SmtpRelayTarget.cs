using Envoi.Core;
using System.Collections.Concurrent;
using System.Net.Sockets;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Envoi.Mail.Deliver;

/// <summary>
/// Relays to the upstream smarthost with MailKit, reusing connections between messages.
/// Refusals are sorted per recipient: 4xx and network faults are deferred (retried later),
/// 5xx is permanent. A connection that saw a fault is thrown away, never reused.
/// </summary>
public sealed class SmtpRelayTarget(UpstreamOptions options, ILogger<SmtpRelayTarget> logger) : IDeliveryTarget, IAsyncDisposable
{
    private readonly UpstreamEndpoint _endpoint = options.Parse();
    private readonly ConcurrentBag<RelayClient> _idle = [];

    public string Describe() => $"upstream {_endpoint}";

    public async Task<IReadOnlyList<RecipientResult>> DeliverAsync(string queueId, MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        RelayClient? client = null;
        try
        {
            client = await RentAsync(ct);
            if (!client.Capabilities.HasFlag(SmtpCapabilities.UTF8) && SmtpUtf8Requirement.NeedsSmtpUtf8(sender, recipients))
            {
                logger.LogWarning("{QueueId}: upstream {Upstream} does not offer SMTPUTF8; the message is bounced", queueId, _endpoint);
                return recipients.Select(r => new RecipientResult(r, RecipientStatus.Failed, SmtpUtf8Requirement.Refusal(_endpoint.ToString()))).ToList();
            }
            client.BeginTransaction();
            var envelopeSender = sender.Length == 0 ? new MailboxAddress("", "") : MailboxAddress.Parse(sender);
            var envelopeRecipients = recipients.Select(r => new MailboxAddress("", r)).ToList();
            string response;
            try
            {
                response = await client.SendAsync(WireFormat.Options, message, envelopeSender, envelopeRecipients, ct);
            }
            catch (NoRecipientAcceptedException)
            {
                response = "";
            }
            var refused = client.Refused.ToDictionary(r => r.Address, r => r.Response, StringComparer.OrdinalIgnoreCase);
            Return(client);
            client = null;
            return recipients.Select(r => refused.TryGetValue(r, out var reply)
                ? new RecipientResult(r, IsPermanent((int)reply.StatusCode) ? RecipientStatus.Failed : RecipientStatus.Deferred, Describe(reply))
                : new RecipientResult(r, RecipientStatus.Relayed, $"250 {response}".Trim())).ToList();
        }
        catch (SmtpCommandException e) when (e.ErrorCode != SmtpErrorCode.RecipientNotAccepted)
        {
            // The sender or the data was refused: every recipient of this transaction shares the fate.
            var status = IsPermanent((int)e.StatusCode) ? RecipientStatus.Failed : RecipientStatus.Deferred;
            logger.LogWarning("{QueueId}: upstream refused the message: {Status} {Message}", queueId, (int)e.StatusCode, e.Message);
            return recipients.Select(r => new RecipientResult(r, status, $"{(int)e.StatusCode} {e.Message}")).ToList();
        }
        catch (AuthenticationException e)
        {
            // A configuration problem, not the message's: keep it queued until the operator fixes it.
            logger.LogError("{QueueId}: upstream {Upstream} refused Envoi's login: {Error}", queueId, _endpoint, e.Message);
            return recipients.Select(r => new RecipientResult(r, RecipientStatus.Deferred, $"454 4.7.0 {_endpoint} refused Envoi's credentials (Upstream:Username/Password): {e.Message}")).ToList();
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or SslHandshakeException or ServiceNotConnectedException or OperationCanceledException or TimeoutException)
        {
            if (ct.IsCancellationRequested && e is OperationCanceledException) throw;
            logger.LogWarning("{QueueId}: upstream {Upstream} unreachable or broke off: {Error}", queueId, _endpoint, e.Message);
            return recipients.Select(r => new RecipientResult(r, RecipientStatus.Deferred, $"421 4.4.2 {_endpoint}: {e.Message}")).ToList();
        }
        finally
        {
            if (client is not null) await DiscardAsync(client);
        }
    }

    private static bool IsPermanent(int code) => code is >= 500 and < 600;

    private static string Describe(SmtpResponse reply) => $"{(int)reply.StatusCode} {reply.Response}";

    private async Task<RelayClient> RentAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (!pooled.IsConnected) { await DiscardAsync(pooled); continue; }
            if (DateTimeOffset.UtcNow - pooled.LastUsed < options.IdleCheckAfter) return pooled;
            try
            {
                await pooled.NoOpAsync(ct);
                return pooled;
            }
            catch (Exception)
            {
                await DiscardAsync(pooled);
            }
        }
        var client = new RelayClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (!string.IsNullOrEmpty(options.HeloName)) client.LocalDomain = options.HeloName;
        if (options.AcceptAnyCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            // Our own socket so Nagle can be switched off: MailKit writes the body and then a short
            // ".\r\n", and with Nagle on that tail waits for the upstream's delayed ACK (~40 ms a message).
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_endpoint.Host, _endpoint.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, _endpoint.Host, _endpoint.Port, _endpoint.ImplicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (!string.IsNullOrEmpty(_endpoint.Username))
                await client.AuthenticateAsync(_endpoint.Username, _endpoint.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void Return(RelayClient client)
    {
        client.LastUsed = DateTimeOffset.UtcNow;
        _idle.Add(client);
    }

    private static async Task DiscardAsync(RelayClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true, new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
        }
        catch (Exception)
        {
            // The connection is being dropped because it is broken; there is nothing more to say to it.
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client)) await DiscardAsync(client);
    }
}
