using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// What the author wrote in this message: the new text, without the quoted thread (">" lines,
/// "On … wrote:", "Le … a écrit :", Outlook's "From:/Sent:" block and separators, HTML
/// blockquotes and Gmail/Outlook quote containers) and without the signature ("-- ").
/// Checks look only at this, so an old message in the thread never triggers them.
/// </summary>
public static partial class AuthorText
{
    public static string Of(MimeMessage message)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html) text = HtmlToText(html);
        return NewText(text ?? "");
    }

    /// <summary>The lines before the quoted thread or signature starts; quoted (">") lines are skipped.</summary>
    public static string NewText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == "--" || lines[i] == "-- ") break; // RFC 3676 signature delimiter
            if (StartsQuote(lines, i)) break;
            if (line.TrimStart().StartsWith('>')) continue;
            result.Append(line).Append('\n');
        }
        return result.ToString().Trim();
    }

    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0) return false;
        if (OriginalMessage().IsMatch(line) || Separator().IsMatch(line)) return true;
        // "On Mon, 3 Jan 2022 at 10:00, Bob <bob@example.com> wrote:" is often wrapped over two lines.
        var joined = i + 1 < lines.Length ? line + " " + lines[i + 1].Trim() : line;
        if (ReplyHeader().IsMatch(line) || (ReplyHeaderStart().IsMatch(line) && ReplyHeader().IsMatch(joined))) return true;
        // Outlook: "From: …" followed within a few lines by "Sent:" (or its translations).
        if (HeaderFrom().IsMatch(line))
            for (var j = i + 1; j < Math.Min(lines.Length, i + 5); j++)
                if (HeaderSent().IsMatch(lines[j].Trim())) return true;
        return false;
    }

    private static string HtmlToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var quoted in document.QuerySelectorAll("blockquote, .gmail_quote, #divRplyFwdMsg, #OLK_SRC_BODY_SECTION, .moz-cite-prefix, .yahoo_quoted, #appendonsend ~ *"))
            quoted.Remove();
        foreach (var block in document.QuerySelectorAll("br, p, div, li, tr, h1, h2, h3, h4, hr"))
            block.Insert(AngleSharp.Dom.AdjacentPosition.AfterEnd, "\n");
        return document.Body?.TextContent ?? "";
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original|Messaggio originale|Forwarded message|Message transféré|Weitergeleitete Nachricht|Mensaje reenviado)\s*-{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^_{20,}$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op)\s.{4,250}\s(wrote|a écrit|schrieb|escribió|ha scritto|schreef)\s?:?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyHeader();

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyHeaderStart();

    [GeneratedRegex(@"^\*?(From|De|Von|Da|Van)\s?:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Envoyé|Gesendet|Enviado|Inviato|Verzonden|Date|Datum|Fecha)\s?:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSent();
}
