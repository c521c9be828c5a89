namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Where the text form of the signature Envoi inserted sits in a text/plain body. Text has no
/// markup to mark a block with (HTML has <see cref="EnvoiBlocks"/>), so the block is found by its
/// lines: the banner goes after them, and the link stage rewrites only what lies between.
/// </summary>
internal static class TextSignatureRange
{
    /// <summary>
    /// The [Start, End) of the signature's lines, without the line break after the last one, or
    /// null when the body does not hold them as they were inserted.
    /// </summary>
    public static (int Start, int End)? Find(string text, string textForm)
    {
        var lines = InsertedLines(text, textForm);
        if (lines.Length == 0) return null;
        // The first whole-line occurrence is Envoi's: the signature goes above the quoted thread or
        // after all of the author's text, and an author's text that already held it got none.
        for (var at = text.IndexOf(lines, StringComparison.Ordinal); at >= 0; at = text.IndexOf(lines, at + 1, StringComparison.Ordinal))
        {
            var end = at + lines.Length;
            if ((at == 0 || text[at - 1] == '\n') && (end == text.Length || text[end] is '\r' or '\n')) return (at, end);
        }
        return null;
    }

    /// <summary>The lines as <see cref="TextSignatureBlock"/> wrote them: above a quote its block is exactly newline, lines, newline.</summary>
    private static string InsertedLines(string text, string textForm)
    {
        var block = TextSignatureBlock.For(text, new PartPlacement(0, "", AtEnd: false, AlreadyPresent: false), textForm);
        var newline = block.StartsWith("\r\n", StringComparison.Ordinal) ? 2 : 1;
        return block.Length <= 2 * newline ? "" : block[newline..^newline];
    }
}
