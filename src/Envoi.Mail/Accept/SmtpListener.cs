using System.Net;
using System.Security.Authentication;
using Envoi.Core;
using Envoi.Core.Users;
using Envoi.Mail.Accept.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Envoi.Mail.Accept;

/// <summary>
/// Runs the SmtpServer engine on the submission endpoint (STARTTLS offered) and, when configured,
/// an implicit-TLS endpoint. It wires Envoi's hooks (AUTH, MAIL/RCPT policy, durable end-of-DATA)
/// and its own transport; it knows nothing of what happens to a message after 250.
/// </summary>
public sealed class SmtpListener(
    SmtpOptions options,
    GatewayIdentity identity,
    MessageAcceptor acceptor,
    UserAccounts accounts,
    CertificateProvider certificates,
    AuthThrottle throttle,
    Spool.FreeSpaceGuard space,
    ILoggerFactory loggers) : IHostedService
{
    private readonly ILogger _logger = loggers.CreateLogger<SmtpListener>();
    private readonly List<IPEndPoint> _bound = [];
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stopping;
    private Task? _running;

    /// <summary>Where the listeners really are (the port is known only after binding when 0 was asked).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndpoints => _bound;

    public IPEndPoint SubmissionEndpoint => _bound[0];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var certificate = certificates.Get();
        var builder = new SmtpServerOptionsBuilder()
            .ServerName(identity.HostName)
            .MaxMessageSize(options.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .MaxRetryCount(20) // Postfix's smtpd_hard_error_limit
            .MaxAuthenticationAttempts(3)
            .CommandWaitTimeout(options.CommandTimeout)
            .CustomSmtpGreeting(_ => $"220 {identity.HostName} ESMTP Envoi")
            .Endpoint(e => Configure(e, Parse(options.Listen, "Smtp:Listen"), certificate, implicitTls: false));
        var endpoints = 1;
        if (!string.IsNullOrWhiteSpace(options.ImplicitTlsListen))
        {
            builder.Endpoint(e => Configure(e, Parse(options.ImplicitTlsListen, "Smtp:ImplicitTlsListen"), certificate, implicitTls: true));
            endpoints++;
        }

        var trusted = new TrustedNetworks(options.TrustedNetworks);
        var listeners = new EnvoiEndpointListenerFactory(new ClientConnectionLimit(options, trusted, identity.HostName));
        var allBound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.Started += (_, endpoint) =>
        {
            lock (_bound) _bound.Add(endpoint);
            _logger.LogInformation("SMTP listening on {Endpoint}", endpoint);
            if (_bound.Count == endpoints) allBound.TrySetResult();
        };

        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new EnvoiCommandFactory(options));
        services.Add(new EnvoiAuthenticator(accounts, options, throttle, loggers.CreateLogger<EnvoiAuthenticator>()));
        services.Add(new EnvoiMailboxFilter(options, trusted, space));
        services.Add(new EnvoiMessageStore(acceptor));

        _server = new SmtpServer.SmtpServer(builder.Build(), services);
        _server.SessionCreated += (_, e) => e.Context.CommandExecuting += OnCommandExecuting;
        _server.SessionFaulted += (_, e) => _logger.LogWarning("SMTP session from {Client} faulted: {Error}", e.Context.RemoteAddress(), e.Exception.Message);
        _stopping = new CancellationTokenSource();
        _running = _server.StartAsync(_stopping.Token);
        var started = await Task.WhenAny(allBound.Task, _running, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
        if (started != allBound.Task)
        {
            if (_running.IsFaulted) await _running; // surfaces "address already in use" and the like
            throw new InvalidOperationException("The SMTP listener did not start.");
        }
    }

    private void OnCommandExecuting(object? sender, SmtpCommandEventArgs e)
    {
        if (e.Command is DataCommand && e.Context.RecipientCount() > 0
            && e.Context.Properties.TryGetValue(EnvoiEndpointListenerFactory.ConnectionKey, out var value) && value is SmtpConnection connection)
        {
            connection.StartData(DateTimeOffset.UtcNow + options.DataTimeout,
                $"421 4.4.2 {identity.HostName} Timeout: the message did not arrive within {options.DataTimeout.TotalSeconds:0} s (Smtp:DataTimeout); nothing was stored");
            connection.Reader.PrependCrlf();
            e.Context.Properties[EnvoiMessageStore.LeadingCrlfKey] = true;
        }
    }

    private void Configure(EndpointDefinitionBuilder endpoint, IPEndPoint address, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, bool implicitTls) =>
        endpoint.Endpoint(address)
            .IsSecure(implicitTls)
            .Certificate(certificate)
            .SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            // The engine's switch is all-or-nothing; Envoi refuses clear-text AUTH itself, loopback excepted.
            .AllowUnsecureAuthentication(true)
            .AuthenticationRequired(false)
            .SessionTimeout(options.SessionTimeout);

    private static IPEndPoint Parse(string value, string setting) =>
        IPEndPoint.TryParse(value, out var endpoint)
            ? endpoint
            : throw new ArgumentException($"{setting}: '{value}' is not ADDRESS:PORT (for example 0.0.0.0:587 or [::]:587).");

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        _server.Shutdown();
        _stopping?.CancelAfter(TimeSpan.FromSeconds(10));
        if (_running is not null)
            await _running.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
