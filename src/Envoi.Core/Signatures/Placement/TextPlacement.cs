namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Finds where a signature goes in a text/plain body: directly above the quote ("On … wrote:",
/// "-----Original Message-----", Outlook's "From: … Sent:" block, "&gt;" lines), after the new
/// text when the author wrote below "&gt;" lines, else at the end.
/// </summary>
internal static class TextPlacement
{
    public static PartPlacement Find(ReadOnlyMemory<char> text, string normalizedSignature)
    {
        var lines = Lines(text);
        var texts = new LineTexts(text, lines);
        var quote = QuoteLines.Find(texts, angleQuotes: true);
        if (quote is null)
        {
            if (SignatureText.IsIn(texts, normalizedSignature)) return PartPlacement.Present("in the message");
            return new PartPlacement(AfterLine(text, lines, LastNonBlank(texts, texts.Count)), "at the end", true, false);
        }

        var start = quote.Value.Index;
        var lastQuoted = quote.Value.AngleQuoted ? LastAngleQuoted(texts) : texts.Count - 1;
        var below = LastNonBlank(texts, texts.Count);
        if (below > lastQuoted)
        {
            var newText = texts.Take(start).Concat(texts.Skip(lastQuoted + 1));
            if (SignatureText.IsIn(newText, normalizedSignature)) return PartPlacement.Present("below the quote");
            return new PartPlacement(AfterLine(text, lines, below), "after the text written below the quote (bottom-posted)", true, false);
        }

        if (SignatureText.IsIn(texts.Take(start), normalizedSignature)) return PartPlacement.Present($"above {quote.Value.Description}");
        var last = LastNonBlank(texts, start);
        var offset = last < 0 ? lines[start].Start : AfterLine(text, lines, last);
        return new PartPlacement(offset, $"above {quote.Value.Description}", false, false);
    }

    /// <summary>Where a line ends, after its line break when it has one.</summary>
    private static int AfterLine(ReadOnlyMemory<char> source, List<(int Start, int Length)> lines, int index)
    {
        if (index < 0) return 0;
        var text = source.Span;
        var end = lines[index].Start + lines[index].Length;
        if (end < text.Length && text[end] == '\r') end++;
        if (end < text.Length && text[end] == '\n') end++;
        return end;
    }

    private static int LastAngleQuoted(LineTexts texts)
    {
        for (var i = texts.Count - 1; i >= 0; i--)
            if (texts[i].TrimStart().StartsWith('>')) return i;
        return -1;
    }

    /// <summary>The lines as strings, made only when read: the quote usually starts early and the history is long.</summary>
    private sealed class LineTexts(ReadOnlyMemory<char> text, List<(int Start, int Length)> lines) : IReadOnlyList<string>
    {
        public string this[int index] => new(text.Span.Slice(lines[index].Start, lines[index].Length));
        public int Count => lines.Count;
        public IEnumerator<string> GetEnumerator() { for (var i = 0; i < lines.Count; i++) yield return this[i]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static int LastNonBlank(IReadOnlyList<string> texts, int before)
    {
        for (var i = before - 1; i >= 0; i--)
            if (!string.IsNullOrWhiteSpace(texts[i])) return i;
        return -1;
    }

    /// <summary>Each line's start and length, without its CR LF.</summary>
    private static List<(int Start, int Length)> Lines(ReadOnlyMemory<char> source)
    {
        var text = source.Span;
        var lines = new List<(int, int)>(text.Count('\n') + 1);
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text[start..].IndexOf('\n');
            if (newline >= 0) newline += start;
            var end = newline < 0 ? text.Length : newline;
            var length = end - start;
            if (length > 0 && text[end - 1] == '\r') length--;
            lines.Add((start, length));
            if (newline < 0) break;
            start = newline + 1;
        }
        return lines;
    }
}
