namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Finds where a signature goes in a text/plain body: directly above the quote ("On … wrote:",
/// "-----Original Message-----", Outlook's "From: … Sent:" block, "&gt;" lines), after the new
/// text when the author wrote below "&gt;" lines, else at the end.
/// </summary>
internal static class TextPlacement
{
    public static PartPlacement Find(ReadOnlyMemory<char> text, IReadOnlyList<string> normalizedSignature)
    {
        var lines = new TextLines(text);
        var quote = QuoteLines.Find(lines, angleQuotes: true);
        if (quote is null)
        {
            if (SignatureText.IsIn(text.Span, normalizedSignature)) return PartPlacement.Present("in the message");
            return new PartPlacement(lines.After(LastNonBlank(lines, lines.Count)), "at the end", true, false);
        }

        var start = quote.Value.Index;
        // Only "> " lines can have new text below them; after any other marker the rest is the thread.
        if (quote.Value.AngleQuoted && LastAngleQuoted(lines) is var lastQuoted && LastNonBlank(lines, lines.Count) is var below && below > lastQuoted)
        {
            if (SignatureText.IsIn(lines.Span(0, start), lines.Span(lastQuoted + 1, lines.Count), normalizedSignature))
                return PartPlacement.Present("below the quote");
            return new PartPlacement(lines.After(below), "after the text written below the quote (bottom-posted)", true, false);
        }

        if (SignatureText.IsIn(lines.Span(0, start), normalizedSignature)) return PartPlacement.Present($"above {quote.Value.Description}");
        var last = LastNonBlank(lines, start);
        var offset = last < 0 ? lines.Line(start).Start : lines.After(last);
        return new PartPlacement(offset, $"above {quote.Value.Description}", false, false);
    }

    private static int LastAngleQuoted(TextLines lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
            if (lines.Span(i, i + 1).TrimStart().StartsWith('>')) return i;
        return -1;
    }

    private static int LastNonBlank(TextLines lines, int before)
    {
        for (var i = before - 1; i >= 0; i--)
            if (!lines.Span(i, i + 1).IsWhiteSpace()) return i;
        return -1;
    }

    /// <summary>
    /// The lines of a text (split at LF, without their CR), found only as far as they are read: the
    /// quote usually starts within the first lines and the history below it is long. A line is made
    /// a string only when read as one.
    /// </summary>
    private sealed class TextLines(ReadOnlyMemory<char> text) : IReadOnlyList<string>
    {
        private readonly List<int> _starts = [0];

        public int Count { get; } = text.Span.Count('\n') + 1;

        public string this[int index] => new(Span(index, index + 1));

        /// <summary>A line's start and length, without its CR LF.</summary>
        public (int Start, int Length) Line(int index)
        {
            var span = text.Span;
            while (_starts.Count <= index + 1 && _starts.Count < Count)
                _starts.Add(_starts[^1] + span[_starts[^1]..].IndexOf('\n') + 1);
            var start = _starts[index];
            var end = index + 1 < Count ? _starts[index + 1] - 1 : span.Length;
            var length = end - start;
            if (length > 0 && span[end - 1] == '\r') length--;
            return (start, length);
        }

        /// <summary>
        /// The source of lines [<paramref name="from"/>, <paramref name="to"/>): their text with the
        /// line breaks between them, which normalize to the same spaces as joining the lines would.
        /// </summary>
        public ReadOnlySpan<char> Span(int from, int to)
        {
            if (to <= from) return [];
            var first = Line(from).Start;
            var (lastStart, lastLength) = Line(to - 1);
            return text.Span[first..(lastStart + lastLength)];
        }

        /// <summary>Where a line ends, after its line break when it has one.</summary>
        public int After(int index)
        {
            if (index < 0) return 0;
            var span = text.Span;
            var (start, length) = Line(index);
            var end = start + length;
            if (end < span.Length && span[end] == '\r') end++;
            if (end < span.Length && span[end] == '\n') end++;
            return end;
        }

        public IEnumerator<string> GetEnumerator() { for (var i = 0; i < Count; i++) yield return this[i]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
