using System.Text;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>A file the draft carries, as a mail client knows it before sending: its name and size, not its bytes.</summary>
/// <param name="Inline">An image shown in the body (a pasted picture, a logo), which the attachment check does not count.</param>
public sealed record DraftAttachment(string Name, long SizeBytes, bool Inline = false);

/// <summary>
/// A message still being written in a mail client (the Outlook add-in sends it before Outlook does):
/// the addresses, the subject, the body as text and the attachments by name and size.
/// </summary>
public sealed record Draft(
    string? From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    string? Subject,
    string? BodyText,
    IReadOnlyList<DraftAttachment> Attachments,
    string? Language = null);

/// <summary>
/// The send-safety checks on a draft, before it leaves the client: the draft becomes the message
/// the gateway would receive (same addresses, subject, text and attachment parts), and the very
/// checks the gateway runs at acceptance judge it with the sender's groups and language. So the
/// add-in says exactly what the gateway would.
/// </summary>
public sealed class DraftChecks(SendSafetyChecks checks, SenderProfiles senders, CheckOptions options)
{
    /// <summary>More than SMTP servers accept in one message (RFC 5321 asks for at least 100); beyond it the draft is refused as input.</summary>
    public const int MaxRecipients = 1000;

    /// <returns>The verdict, or the reason the draft is not a message (a malformed address, no sender).</returns>
    public async Task<(CheckVerdict? Verdict, string? Error)> RunAsync(string sender, Draft draft, CancellationToken ct)
    {
        if (Message(sender, draft, out var message) is { } error) return (null, error);
        var recipients = draft.To.Concat(draft.Cc).Concat(draft.Bcc).Select(a => MailboxAddress.Parse(a).Address).ToList();
        var profile = await senders.GetAsync(sender, ct);
        var input = new CheckInput(message, sender, recipients, SizeOf(draft), profile.Groups, profile.Language ?? draft.Language);
        return (await checks.RunAsync(input, ct), null);
    }

    /// <summary>
    /// Whether the sender may still send after seeing the finding: what only logs, warns or holds
    /// lets the message go (a hold then waits for confirmation), and a refusal too when the policy
    /// accepts <see cref="CheckOptions.ConfirmHeader"/> as confirmation given up front.
    /// </summary>
    public bool CanSendAnyway(CheckFinding finding) => finding.Action < CheckAction.Refuse || options.AllowConfirmHeader;

    /// <summary>The header that confirms the findings, when the policy accepts it and a finding would hold or refuse.</summary>
    public string? ConfirmationHeaderFor(CheckVerdict verdict) =>
        options.AllowConfirmHeader && verdict.Action >= CheckAction.Hold ? CheckOptions.ConfirmHeader : null;

    private static string? Message(string sender, Draft draft, out MimeMessage message)
    {
        message = new MimeMessage();
        if (sender.Length == 0) return "The draft has no sender.";
        var count = draft.To.Count + draft.Cc.Count + draft.Bcc.Count;
        if (count > MaxRecipients) return $"The draft has {count} recipients; at most {MaxRecipients} are checked.";
        var bad = draft.To.Concat(draft.Cc).Concat(draft.Bcc).Where(a => !IsAddress(a)).ToList();
        if (bad.Count > 0) return $"Not an email address: {string.Join(", ", bad.Select(b => $"'{b}'"))}.";
        if (draft.From is { Length: > 0 } from && !IsAddress(from)) return $"Not an email address: '{from}'.";
        if (draft.Attachments.FirstOrDefault(a => string.IsNullOrWhiteSpace(a.Name) || a.SizeBytes < 0) is { } odd)
            return $"An attachment needs a name and a size of 0 bytes or more ('{odd.Name}', {odd.SizeBytes}).";

        message.From.Add(MailboxAddress.Parse(draft.From is { Length: > 0 } f ? f : sender));
        message.To.AddRange(draft.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(draft.Cc.Select(MailboxAddress.Parse));
        message.Subject = draft.Subject ?? "";
        var text = new TextPart("plain") { Text = draft.BodyText ?? "" };
        if (draft.Attachments.Count == 0) { message.Body = text; return null; }
        var mixed = new Multipart("mixed") { text };
        // Parts like those a client would send: the checks look at names and dispositions, not content.
        foreach (var attachment in draft.Attachments)
            mixed.Add(new MimePart(MimeTypes.GetMimeType(attachment.Name))
            {
                FileName = attachment.Name,
                ContentDisposition = new ContentDisposition(attachment.Inline ? ContentDisposition.Inline : ContentDisposition.Attachment) { FileName = attachment.Name },
                ContentId = attachment.Inline ? MimeKit.Utils.MimeUtils.GenerateMessageId() : null,
                Content = new MimeContent(new MemoryStream([])),
            });
        message.Body = mixed;
        return null;
    }

    private static bool IsAddress(string value) => MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.Contains('@');

    /// <summary>
    /// What the message will weigh on the wire, which the size check compares: attachments grow by
    /// a third in base64 (plus line breaks every 76 characters), text about as written.
    /// </summary>
    public static long SizeOf(Draft draft) =>
        Encoding.UTF8.GetByteCount(draft.BodyText ?? "") + Encoding.UTF8.GetByteCount(draft.Subject ?? "")
        + draft.Attachments.Sum(a => (a.SizeBytes + 2) / 3 * 4 * 78 / 76 + 200);
}
