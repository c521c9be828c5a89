using SmtpServer.Protocol;

namespace Envoi.Mail.Accept;

/// <summary>Every refusal Envoi sends, with its enhanced status code (RFC 3463) and a sentence people understand.</summary>
internal static class SmtpReplies
{
    public static SmtpResponse Reply(int code, string text) => new((SmtpReplyCode)code, Ascii(text));

    /// <summary>
    /// SMTP replies are ASCII (RFC 5321 §4.2; the engine writes them so): accents are dropped and
    /// typographic quotes made plain, so "pièce jointe" reads "piece jointe" rather than "pi?ce jointe".
    /// </summary>
    public static string Ascii(string text)
    {
        // French guillemets carry their own spaces: « ci-joint » becomes "ci-joint".
        text = System.Text.RegularExpressions.Regex.Replace(text, @"«\s*|\s*»", "\"");
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch
            {
                '“' or '”' or '„' => "\"",
                '‘' or '’' => "'",
                'ß' => "ss",
                '¿' or '¡' => "",
                '\u00A0' or '\u202F' => " ",
                < (char)128 => c.ToString(),
                _ => "?",
            });
        }
        return builder.ToString();
    }

    public static SmtpResponseException Refuse(int code, string text) => new(Reply(code, text));

    public static readonly SmtpResponse AuthenticationRequired =
        Reply(530, "5.7.0 Authentication required: log in (AUTH) before sending; Envoi is not an open relay");

    /// <summary>RFC 3463 4.3.1 "mail system full": temporary, the client keeps the message and retries.</summary>
    public static readonly SmtpResponse InsufficientStorage =
        Reply(452, "4.3.1 Insufficient system storage: Envoi's disk is nearly full; nothing was lost, please try again later");

    public static SmtpResponse Queued(string id) => Reply(250, $"2.0.0 Ok: queued as {id}");
}
