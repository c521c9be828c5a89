namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The "Sent from my iPhone" line a mobile client writes under the author's text (the phrases of every
/// language table, <see cref="QuotePhrases.SignOff"/>), found right where a signature goes, so a rule can
/// have the signature take its place.
/// </summary>
internal static class MobileSignOffs
{
    /// <summary>The last line of text before <paramref name="offset"/>, through the offset, when it is a sign-off.</summary>
    public static Range? TextLineBefore(ReadOnlySpan<char> text, int offset)
    {
        var end = offset;
        while (end > 0 && text[end - 1] is '\r' or '\n') end--;
        var start = text[..end].LastIndexOf('\n') + 1;
        return QuotePhrases.SignOff.IsMatch(text[start..end].Trim().ToString()) ? start..offset : null;
    }

    /// <summary>The text of the last HTML line before <paramref name="offset"/> when it is a sign-off (its tags stay).</summary>
    public static Range? HtmlLineBefore(ReadOnlyMemory<char> html, int offset)
    {
        var line = HtmlOutline.Of(html[..offset]).Lines.LastOrDefault(l => l.Text.Trim().Length > 0);
        return line is not null && QuotePhrases.SignOff.IsMatch(line.Text.Trim()) ? line.Start..line.ContentEnd : null;
    }
}
