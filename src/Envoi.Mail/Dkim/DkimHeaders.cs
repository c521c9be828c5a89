using MimeKit;

namespace Envoi.Mail.Dkim;

/// <summary>
/// Which header fields a signature covers: those that say who sent what to whom and how the body
/// is to be read (RFC 6376 §5.4.1), and the one-click unsubscribe pair, which RFC 8058 requires to
/// be signed. Never Bcc (it is not sent), Received or Return-Path (later hops add them).
/// </summary>
public static class DkimHeaders
{
    private static readonly string[] Candidates =
    [
        "From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID",
        "In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        "List-Unsubscribe", "List-Unsubscribe-Post",
    ];

    /// <summary>
    /// Each candidate once per occurrence in <paramref name="message"/>, so every instance is
    /// covered. Absent fields are left out rather than "over-signed": MimeKit writes a
    /// MIME-Version header on the fly when the message has none, and that must not break the signature.
    /// </summary>
    public static IList<string> ToSign(MimeMessage message)
    {
        // The body's Content-* fields are written with the message's own, so they count too.
        var inMessage = Count(message.Headers);
        var inBody = Count(message.Body?.Headers ?? []);
        return Candidates.SelectMany(name => Enumerable.Repeat(name, Math.Max(inMessage.GetValueOrDefault(name), inBody.GetValueOrDefault(name)))).ToList();
    }

    private static Dictionary<string, int> Count(IEnumerable<Header> headers) =>
        headers.GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
}
