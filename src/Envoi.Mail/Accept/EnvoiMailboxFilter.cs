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
internal sealed class EnvoiMailboxFilter(SmtpOptions options, TrustedNetworks trusted, Spool.FreeSpaceGuard space) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        context.SetRecipientCount(0);
        // Refused before anything is read, as Postfix does with queue_minfree: the client keeps the message and retries.
        if (!space.Fits(size))
            throw Refused("disk-full", SmtpReplies.InsufficientStorage);
        var sender = Address(context, from, from, "Sender");
        var user = context.User();
        if (user is null && !trusted.Contains(context.RemoteAddress()))
            throw Refused("no-auth", SmtpReplies.AuthenticationRequired);
        if (sender.Length == 0) return Task.FromResult(true); // Bounces from a trusted server or a user's client.
        if (AddressSyntax.WhyRefused(sender) is { } why)
            throw Refused("syntax", 553, $"5.1.7 Sender <{InternationalAddress.Printable(sender)}> refused: {why}");
        if (user is not null && !user.Owns(sender))
            throw Refused("sender", 553, $"5.7.1 Sender <{InternationalAddress.Printable(sender)}> refused: you are logged in as {user.Email} and may send only as yourself or your aliases");
        if (user is null && options.Domains.Count > 0 && !options.Domains.Any(d => AddressForms.SameDomain(d, AddressSyntax.DomainOf(sender))))
            throw Refused("sender", 553, $"5.7.1 Sender <{InternationalAddress.Printable(sender)}> refused: this connector may send only for {string.Join(", ", options.Domains)}");
        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        if (context.User() is null && !trusted.Contains(context.RemoteAddress()))
            throw Refused("no-auth", SmtpReplies.AuthenticationRequired);
        var recipient = Address(context, to, from, "Recipient");
        if (AddressSyntax.WhyRefused(recipient) is { } why)
            throw Refused("relay-trick", 550, $"5.7.1 Recipient <{InternationalAddress.Printable(recipient)}> refused: {why}");
        var count = context.RecipientCount() + 1;
        if (count > options.MaxRecipients)
            throw Refused("recipients", 452, $"4.5.3 Too many recipients: at most {options.MaxRecipients} per message; send the rest in another message");
        context.SetRecipientCount(count);
        return Task.FromResult(true);
    }

    /// <summary>The address as sent (UTF-8 under SMTPUTF8); the transaction's mailbox is corrected to it.</summary>
    /// <param name="sender">The transaction's MAIL FROM mailbox, which knows whether it said SMTPUTF8.</param>
    private static string Address(ISessionContext context, IMailbox mailbox, IMailbox sender, string role)
    {
        var smtpUtf8 = (sender as EnvelopeMailbox)?.SmtpUtf8 == true;
        string address;
        try
        {
            address = InternationalAddress.AsSent(context, mailbox, smtpUtf8, role);
        }
        catch (SmtpServer.Protocol.SmtpResponseException)
        {
            MailMetrics.Rejected.WithLabels("syntax").Inc();
            throw;
        }
        (mailbox as EnvelopeMailbox)?.Restore(address);
        return address;
    }

    private static Exception Refused(string reason, SmtpServer.Protocol.SmtpResponse response)
    {
        MailMetrics.Rejected.WithLabels(reason).Inc();
        return new SmtpServer.Protocol.SmtpResponseException(response);
    }

    private static Exception Refused(string reason, int code, string text) => Refused(reason, SmtpReplies.Reply(code, text));
}
