using Envoi.Core.Mime;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Finds where a signature goes in an HTML body: directly above the quoted thread (and above the
/// "On … wrote:" line that introduces it), after the author's text when the reply is bottom-posted,
/// else before &lt;/body&gt;. The offset is in the original source; nothing else is rewritten.
/// </summary>
internal static class HtmlPlacement
{
    public static PartPlacement Find(ReadOnlyMemory<char> html, string normalizedSignature)
    {
        var outline = HtmlOutline.Of(html);
        var quote = QuoteStart(outline);
        if (quote is null)
        {
            if (IsPresent(outline, outline.Lines, 0, html.Length, normalizedSignature)) return PartPlacement.Present("in the message");
            return new PartPlacement(outline.ContentEnd, outline.ContentEnd < html.Length ? "before </body>" : "at the end of the HTML", true, false);
        }

        var (start, description, mark) = quote.Value;
        if (BottomPostedEnd(outline, mark) is { } quoteEnd)
        {
            var newLines = outline.Lines.Where(l => l.ContentEnd <= start || l.Start >= quoteEnd).ToList();
            if (IsPresent(outline, newLines, start, quoteEnd, normalizedSignature)) return PartPlacement.Present("below the quote");
            var offset = AfterClosingTags(html, newLines[^1].ContentEnd, outline.ContentEnd);
            return new PartPlacement(offset, "after the text written below the quote (bottom-posted)", true, false);
        }

        var before = outline.Lines.Where(l => l.ContentEnd <= start).ToList();
        if (IsPresent(outline, before, start, html.Length, normalizedSignature)) return PartPlacement.Present($"above {description}");
        var at = before.Count == 0 ? start : AfterClosingTags(html, before[^1].ContentEnd, start);
        return new PartPlacement(at, $"above {description}", false, false);
    }

    /// <summary>The earliest quote start (offset, words, the element if one), with its attribution line.</summary>
    private static (int Start, string Description, QuoteMark? Mark)? QuoteStart(HtmlOutline outline)
    {
        var mark = outline.Marks.FirstOrDefault(m => m.Kind != QuoteMarkKind.SeparatorIfHeaderFollows
            || (m.NextLine < outline.Lines.Count && QuoteLines.IsHeaderLine(outline.Lines[m.NextLine].Text)));
        var texts = outline.Lines.Select(l => l.Text).ToList();
        // Hotmail and Outlook.com write the quote as "&gt;"-prefixed lines inside the HTML.
        var byText = QuoteLines.Find(texts, angleQuotes: true);
        // A text marker wins only when it comes before the element: Outlook's "From: … Sent:" lines
        // sit inside the border-top block that already marks the quote.
        if (byText is { } text && (mark is null || outline.Lines[text.Index].ContentEnd <= mark.Offset))
            return (outline.Lines[text.Index].Start, text.Description, null);
        if (mark is null) return null;

        var previous = outline.Lines.FindLastIndex(l => l.ContentEnd <= mark.Offset);
        // The attribution above the element may be wrapped over up to three lines (Android: "ср, 30 апр. 2025 г. в 15:19, John Doe <" + "john@example.com>:").
        var attribution = previous < 0 ? -1 : QuoteLines.IsForwardIntro(texts[previous]) ? previous : QuoteLines.AttributionEndingAt(texts, previous);
        if (attribution >= 0)
            return (outline.Lines[attribution].Start, $"{QuoteLines.Describe(string.Join(' ', texts.Skip(attribution).Take(previous - attribution + 1)))} and {mark.Description}", mark);
        return (mark.Offset, mark.Description, mark);
    }

    /// <summary>
    /// When the author wrote below the quote, where the quote ends. Only containers can be followed
    /// by new text; after Outlook's separators everything is the old message.
    /// </summary>
    private static int? BottomPostedEnd(HtmlOutline outline, QuoteMark? first)
    {
        if (first is null || first.Kind != QuoteMarkKind.Container) return null;
        if (outline.Marks.Any(m => m.Kind != QuoteMarkKind.Container && m.Offset > first.Offset)) return null;
        var last = outline.Marks[^1];
        if (last.End < 0) return null;
        return outline.Lines.Any(l => l.Start >= last.End) ? last.End : null;
    }

    private static bool IsPresent(HtmlOutline outline, IEnumerable<HtmlLine> newLines, int quoteStart, int quoteEnd, string normalizedSignature) =>
        outline.SignatureMarkers.Any(m => m < quoteStart || m >= quoteEnd)
        || SignatureText.IsIn(newLines.Select(l => l.Text), normalizedSignature);

    /// <summary>
    /// From the end of the author's last words, steps over the tags that close their paragraph
    /// (and Word's empty <c>&lt;o:p&gt;&lt;/o:p&gt;</c>, a trailing <c>&lt;br&gt;</c>), so the signature
    /// becomes the next block instead of a div inside the author's &lt;p&gt;. Never past <paramref name="limit"/>.
    /// </summary>
    private static int AfterClosingTags(ReadOnlyMemory<char> html, int from, int limit)
    {
        var best = from;
        var tokens = new HtmlTokenizer(html, from, limit);
        while (tokens.Next(out var token))
        {
            if (token.Kind == HtmlTokenKind.Text && html.Span[token.Start..token.End].IsWhiteSpace()) continue;
            if (token.Kind == HtmlTokenKind.EndTag) { best = token.End; continue; }
            if (token.Kind != HtmlTokenKind.StartTag || token.SelfClosing && token.Name != "br") break;
            var peek = tokens;
            if (!peek.Next(out var next) || next.Kind != HtmlTokenKind.EndTag) break;
            if (token.Name != "br" && next.Name != token.Name) break;
            tokens = peek;
            best = next.End;
        }
        return best;
    }
}
