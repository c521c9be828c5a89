using System.Text;
using Envoi.Mail.Accept.Transport;
using SmtpServer;
using SmtpServer.Mail;

namespace Envoi.Mail.Accept;

/// <summary>
/// RFC 6531 (SMTPUTF8) addresses in MAIL FROM and RCPT TO. SmtpServer 11.1 parses them but decodes
/// the domain as ASCII, so <c>josé@exämple.de</c> reaches the hooks as <c>josé@ex??mple.de</c>. The
/// transport keeps the raw bytes of such a command line (<see cref="ContiguousReader.LastInternationalCommand"/>);
/// this reads the domain back from them, checks it is the one the engine parsed, and enforces the rules
/// of RFC 6531: UTF-8 that is well formed, and only in a transaction whose MAIL FROM said SMTPUTF8.
/// </summary>
internal static class InternationalAddress
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The address as the client sent it; throws the refusal when it breaks the rules above.</summary>
    /// <param name="smtpUtf8">Whether this transaction's MAIL FROM carried the SMTPUTF8 parameter.</param>
    public static string AsSent(ISessionContext context, IMailbox parsed, bool smtpUtf8, string role)
    {
        if (string.IsNullOrEmpty(parsed.User) && string.IsNullOrEmpty(parsed.Host)) return "";
        var raw = context.Properties.TryGetValue(EnvoiEndpointListenerFactory.ConnectionKey, out var value) && value is SmtpConnection connection
            ? connection.Reader.LastInternationalCommand
            : null;
        if (raw is null) return $"{parsed.User}@{parsed.Host}"; // all ASCII: the engine read it right
        string line;
        try
        {
            line = StrictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            throw SmtpReplies.Refuse(553, $"5.6.7 {role} refused: the address is not valid UTF-8 (RFC 6531 needs UTF-8)");
        }
        var host = HostIn(line, parsed.Host);
        var address = $"{parsed.User}@{host}";
        if (!smtpUtf8)
            throw SmtpReplies.Refuse(553, $"5.6.7 {role} <{Printable(address)}> refused: a non-ASCII address needs the SMTPUTF8 parameter on MAIL FROM (RFC 6531)");
        return address;
    }

    /// <summary>
    /// The domain as sent: the text after the last '@' of the path, which must decode (byte for byte, with
    /// '?' for each byte above 127) to what the engine parsed; anything else means the line was not read
    /// the way the engine read it, and is refused rather than guessed.
    /// </summary>
    private static string HostIn(string line, string parsedHost)
    {
        var open = line.IndexOf('<');
        var close = open < 0 ? -1 : line.IndexOf('>', open);
        var path = close < 0 ? "" : line[(open + 1)..close];
        var host = path[(path.LastIndexOf('@') + 1)..];
        if (Encoding.ASCII.GetString(Encoding.UTF8.GetBytes(host)) != parsedHost)
            throw SmtpReplies.Refuse(553, "5.1.7 Address refused: Envoi could not read its domain; write it as an A-label (xn--…)");
        return host;
    }

    /// <summary>SMTP replies are ASCII: a non-ASCII address is quoted in them with its domain as A-label.</summary>
    public static string Printable(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || Envoi.Core.Addresses.AddressForms.AsciiDomain(address[(at + 1)..]) is not { } ascii) return address;
        return $"{address[..at]}@{ascii}";
    }
}

/// <summary>
/// The engine's mailbox with a domain Envoi can correct (see <see cref="InternationalAddress"/>); the
/// engine keeps this object as the transaction's sender or recipient, so the end of DATA sees the address as sent.
/// </summary>
/// <param name="smtpUtf8">For MAIL FROM: whether it carried the SMTPUTF8 parameter (the hooks never see the parameters).</param>
internal sealed class EnvelopeMailbox(IMailbox parsed, bool smtpUtf8 = false) : IMailbox
{
    public string User { get; } = parsed.User;

    public bool SmtpUtf8 { get; } = smtpUtf8;

    public string Host { get; private set; } = parsed.Host;

    public void Restore(string address)
    {
        if (address.Length > 0) Host = address[(address.LastIndexOf('@') + 1)..];
    }
}
