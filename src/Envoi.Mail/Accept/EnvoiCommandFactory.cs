using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;

namespace Envoi.Mail.Accept;

/// <summary>
/// Swaps in Envoi's EHLO so the advertised extensions match what Envoi will really allow, and gives
/// MAIL and RCPT mailboxes whose domain <see cref="InternationalAddress"/> can restore (SMTPUTF8).
/// </summary>
internal sealed class EnvoiCommandFactory(SmtpOptions options) : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new EnvoiEhlo(domainOrAddress, options);

    public override SmtpCommand CreateMail(IMailbox address, IReadOnlyDictionary<string, string> parameters) =>
        base.CreateMail(new EnvelopeMailbox(address, parameters.Keys.Any(k => k.Equals("SMTPUTF8", StringComparison.OrdinalIgnoreCase))), parameters);

    public override SmtpCommand CreateRcpt(IMailbox address) => base.CreateRcpt(new EnvelopeMailbox(address));

    /// <summary>
    /// AUTH is advertised only where it will be accepted: on TLS, or on loopback. The engine would
    /// otherwise offer it on every clear-text connection once unsecure auth is allowed for loopback.
    /// </summary>
    private sealed class EnvoiEhlo(string domainOrAddress, SmtpOptions options) : EhloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context) =>
            $"{context.ServerOptions.ServerName} Hello {DomainOrAddress}";

        protected override IEnumerable<string> GetExtensions(ISessionContext context)
        {
            var authAllowed = context.AuthAllowed(options);
            foreach (var extension in base.GetExtensions(context))
            {
                if (extension.StartsWith("AUTH", StringComparison.Ordinal) && !authAllowed) continue;
                yield return extension;
            }
            yield return "ENHANCEDSTATUSCODES";
        }
    }
}
