namespace Envoi.Mail.Deliver;

/// <summary>
/// An envelope with a non-ASCII local part can only be relayed to an upstream that offers SMTPUTF8
/// (RFC 6531 §3.4: there is no ASCII form of <c>josé@…</c>). Envoi does not downgrade: like Postfix
/// ("SMTPUTF8 is required, but was not offered by host") it fails such a message for good and bounces
/// it with the reason. A non-ASCII domain alone needs nothing: it is sent as its A-label.
/// </summary>
internal static class SmtpUtf8Requirement
{
    public static bool NeedsSmtpUtf8(string sender, IEnumerable<string> recipients) =>
        HasNonAsciiLocalPart(sender) || recipients.Any(HasNonAsciiLocalPart);

    public static string Refusal(string upstream) =>
        $"553 5.6.7 {upstream} does not offer SMTPUTF8, which a non-ASCII address of this message needs (RFC 6531); Envoi does not rewrite addresses";

    private static bool HasNonAsciiLocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && !System.Text.Ascii.IsValid(address.AsSpan(0, at));
    }
}
