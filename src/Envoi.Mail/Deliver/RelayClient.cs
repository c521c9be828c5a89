using MailKit.Net.Smtp;
using MimeKit;

namespace Envoi.Mail.Deliver;

/// <summary>
/// MailKit's client, told to note a refused recipient and go on with the others instead of
/// aborting the whole transaction, which is what gives a result per recipient.
/// </summary>
internal sealed class RelayClient : SmtpClient
{
    private readonly List<(string Address, SmtpResponse Response)> _refused = [];

    public IReadOnlyList<(string Address, SmtpResponse Response)> Refused => _refused;

    public DateTimeOffset LastUsed { get; set; } = DateTimeOffset.UtcNow;

    public void BeginTransaction() => _refused.Clear();

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _refused.Add((mailbox.Address, response));

    // MailKit's documented contract: when refusals do not throw, "nobody accepted" must.
    protected override void OnNoRecipientsAccepted(MimeMessage message) => throw new NoRecipientAcceptedException();
}

internal sealed class NoRecipientAcceptedException() : Exception("The upstream accepted none of the recipients.");
