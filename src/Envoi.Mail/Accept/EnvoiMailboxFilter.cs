using Envoi.Core.Addresses;
using Envoi.Core.Observability;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Envoi.Mail.Accept;

/// <summary>
/// Who may send what, decided at MAIL FROM and RCPT TO. Only authenticated users and trusted
/// connectors may relay: anyone else gets 530 whatever addresses they try. Authenticated users
/// may only use their own address or aliases as envelope sender.
/// </summary>
internal sealed class EnvoiMailboxFilter(SmtpOptions options, TrustedNetworks trusted) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        context.SetRecipientCount(0);
        var sender = Address(from);
        var user = context.User();
        if (user is null && !trusted.Contains(context.RemoteAddress()))
            throw Refused("no-auth", SmtpReplies.AuthenticationRequired);
        if (sender.Length == 0) return Task.FromResult(true); // Bounces from a trusted server or a user's client.
        if (AddressSyntax.WhyRefused(sender) is { } why)
            throw Refused("syntax", 553, $"5.1.7 Sender <{sender}> refused: {why}");
        if (user is not null && !user.Owns(sender))
            throw Refused("sender", 553, $"5.7.1 Sender <{sender}> refused: you are logged in as {user.Email} and may send only as yourself or your aliases");
        if (user is null && options.Domains.Count > 0 && !options.Domains.Contains(AddressSyntax.DomainOf(sender), StringComparer.OrdinalIgnoreCase))
            throw Refused("sender", 553, $"5.7.1 Sender <{sender}> refused: this connector may send only for {string.Join(", ", options.Domains)}");
        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        if (context.User() is null && !trusted.Contains(context.RemoteAddress()))
            throw Refused("no-auth", SmtpReplies.AuthenticationRequired);
        var recipient = Address(to);
        if (AddressSyntax.WhyRefused(recipient) is { } why)
            throw Refused("relay-trick", 550, $"5.7.1 Recipient <{recipient}> refused: {why}");
        var count = context.RecipientCount() + 1;
        if (count > options.MaxRecipients)
            throw Refused("recipients", 452, $"4.5.3 Too many recipients: at most {options.MaxRecipients} per message; send the rest in another message");
        context.SetRecipientCount(count);
        return Task.FromResult(true);
    }

    private static string Address(IMailbox mailbox) =>
        string.IsNullOrEmpty(mailbox.User) && string.IsNullOrEmpty(mailbox.Host) ? "" : $"{mailbox.User}@{mailbox.Host}";

    private static Exception Refused(string reason, SmtpServer.Protocol.SmtpResponse response)
    {
        MailMetrics.Rejected.WithLabels(reason).Inc();
        return new SmtpServer.Protocol.SmtpResponseException(response);
    }

    private static Exception Refused(string reason, int code, string text) => Refused(reason, SmtpReplies.Reply(code, text));
}
