using System.Text;
using AngleSharp.Html.Parser;
using Envoi.Core.Signatures.Placement;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// What the author wrote in this message: the new text, without the quoted thread (">" lines,
/// "On … wrote:", "Le … a écrit :", Outlook's "From:/Sent:" block and separators, HTML
/// blockquotes and Gmail/Outlook quote containers) and without the signature ("-- ").
/// Checks look only at this, so an old message in the thread never triggers them.
/// </summary>
public static class AuthorText
{
    public static string Of(MimeMessage message)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html) text = HtmlToText(html);
        return NewText(text ?? "");
    }

    /// <summary>
    /// The lines before the quoted thread or signature starts; quoted (">") lines are skipped. The
    /// thread is found the way signature placement finds it, so both agree on what is new.
    /// </summary>
    public static string NewText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var end = QuoteLines.Find(lines, angleQuotes: false)?.Index ?? lines.Length;
        var result = new StringBuilder();
        for (var i = 0; i < end; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == "--" || lines[i] == "-- ") break; // RFC 3676 signature delimiter
            if (line.TrimStart().StartsWith('>')) continue;
            result.Append(line).Append('\n');
        }
        return result.ToString().Trim();
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
}
