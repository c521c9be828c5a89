using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Envoi.Mail.Accept.Transport;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Envoi.Tests.Support;

/// <summary>
/// A real SMTP server on a loopback port standing in for the smarthost. Recipients whose local part
/// starts with "reject" get 550, with "defer" get 451 (unless <see cref="AcceptDeferred"/>); every
/// accepted message is recorded with its envelope.
/// </summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public int Port { get; }
    public string Scheme { get; }
    public string Url => $"{Scheme}://127.0.0.1:{Port}";
    /// <summary>Flip to let "defer…" recipients through (the upstream recovered).</summary>
    public volatile bool AcceptDeferred;

    private TestUpstream(int port, bool implicitTls, (string User, string Password)? credentials)
    {
        Port = port;
        Scheme = implicitTls ? "smtps" : "smtp";
        var options = new SmtpServerOptionsBuilder()
            .ServerName("upstream.test")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, port));
                if (implicitTls) e.IsSecure(true).Certificate(SelfSigned()).SupportedSslProtocols(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                if (credentials is not null) e.AuthenticationRequired(true).AllowUnsecureAuthentication(true);
            })
            .MaxRetryCount(1000)
            .Build();
        var services = new ServiceProvider();
        services.Add(new EnvoiEndpointListenerFactory());
        services.Add(new Filter(this));
        services.Add(new Store(this));
        if (credentials is { } c)
            services.Add(new SmtpServer.Authentication.DelegatingUserAuthenticator((user, password) => user == c.User && password == c.Password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    /// <param name="implicitTls">Listen with TLS from the first byte (smtps://), with a self-signed certificate.</param>
    /// <param name="credentials">Require AUTH with these credentials.</param>
    public static async Task<TestUpstream> StartAsync(bool implicitTls = false, (string User, string Password)? credentials = null)
    {
        var upstream = new TestUpstream(FreePort.Next(), implicitTls, credentials);
        if (await FreePort.WaitUntilListeningAsync(upstream.Port, TimeSpan.FromSeconds(10))) return upstream;
        throw new InvalidOperationException("Test upstream did not start.");
    }

    /// <summary>Messages received for <paramref name="recipient"/>.</summary>
    public IReadOnlyList<ReceivedMail> For(string recipient) =>
        Received.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();

    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = Received.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The upstream did not receive the expected message; it has {Received.Count}.");
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        _stop.Cancel();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSigned()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=upstream.test", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    public sealed record ReceivedMail(string Sender, IReadOnlyList<string> Recipients, byte[] Raw)
    {
        public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw));
        public string Text => System.Text.Encoding.UTF8.GetString(Raw);
    }

    private sealed class Filter(TestUpstream upstream) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct)
        {
            if (to.User.StartsWith("reject", StringComparison.OrdinalIgnoreCase))
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)550, "5.1.1 No such user here"));
            if (to.User.StartsWith("defer", StringComparison.OrdinalIgnoreCase) && !upstream.AcceptDeferred)
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)451, "4.2.0 Mailbox busy, try later"));
            return Task.FromResult(true);
        }
    }

    private sealed class Store(TestUpstream upstream) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            var sender = string.IsNullOrEmpty(transaction.From?.User) ? "" : $"{transaction.From.User}@{transaction.From.Host}";
            upstream.Received.Enqueue(new ReceivedMail(sender, transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(), buffer.ToArray()));
            return Task.FromResult(new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 Ok: received"));
        }
    }
}
