namespace Envoi.Core.Mime;

/// <summary>
/// Walks HTML source forwards and reports where each tag and text run starts and ends, without
/// building a DOM. Placement needs offsets in the author's original text (the signature is spliced
/// in, nothing else is re-serialized), and a DOM of a 100 KB reply would cost more than parsing and
/// writing the whole MIME message; a forward scan that mostly stops at the quote costs far less.
/// The source is memory rather than a string so that a body decoded into a pooled buffer
/// (<see cref="EncodedText"/>) is scanned without first becoming a large-object-heap string.
/// </summary>
internal struct HtmlTokenizer(ReadOnlyMemory<char> source, int start, int end)
{
    private int _position = start;

    public HtmlTokenizer(string html, int start, int end) : this(html.AsMemory(), start, end) { }

    public HtmlTokenizer(string html) : this(html.AsMemory(), 0, html.Length) { }

    public HtmlTokenizer(ReadOnlyMemory<char> html) : this(html, 0, html.Length) { }

    public int Position => _position;

    public bool Next(out HtmlToken token)
    {
        if (_position >= end) { token = default; return false; }
        var html = source.Span;
        var at = _position;
        if (_pendingRawEnd >= 0)
        {
            var rawEnd = _pendingRawEnd;
            _pendingRawEnd = -1;
            if (rawEnd > at)
            {
                _position = rawEnd;
                token = new HtmlToken(HtmlTokenKind.Other, at, rawEnd, "", false);
                return true;
            }
        }
        if (html[at] != '<' || at + 1 >= end)
        {
            token = Text(html, at);
            return true;
        }
        var next = html[at + 1];
        if (next == '!' || next == '?')
        {
            var close = html[at..end].StartsWith("<!--") ? IndexOf(html, "-->", at + 4) : IndexOf(html, ">", at + 2);
            _position = close;
            token = new HtmlToken(HtmlTokenKind.Other, at, close, "", false);
            return true;
        }
        if (next == '/' && at + 2 < end && char.IsAsciiLetter(html[at + 2]))
        {
            var (name, _) = Name(html, at + 2);
            _position = IndexOf(html, ">", at + 2);
            token = new HtmlToken(HtmlTokenKind.EndTag, at, _position, name, false);
            return true;
        }
        if (char.IsAsciiLetter(next))
        {
            var (name, afterName) = Name(html, at + 1);
            var close = TagEnd(html, afterName);
            _position = close;
            var selfClosing = close - 2 > at && html[close - 2] == '/';
            token = new HtmlToken(HtmlTokenKind.StartTag, at, close, name, selfClosing);
            if (!selfClosing && name is "style" or "script" or "title" or "textarea" or "xml") SkipRawText(html, name);
            return true;
        }
        token = Text(html, at);
        return true;
    }

    /// <summary>The contents of style/script/…: reported as <see cref="HtmlTokenKind.Other"/> by the next call.</summary>
    private void SkipRawText(ReadOnlySpan<char> html, string name)
    {
        var closing = html[_position..end].IndexOf("</" + name, StringComparison.OrdinalIgnoreCase);
        _pendingRawEnd = closing < 0 ? end : _position + closing;
    }

    private int _pendingRawEnd = -1;

    private HtmlToken Text(ReadOnlySpan<char> html, int at)
    {
        var lt = html[(at + 1)..end].IndexOf('<');
        _position = lt < 0 ? end : at + 1 + lt;
        return new HtmlToken(HtmlTokenKind.Text, at, _position, "", false);
    }

    private readonly (string Name, int After) Name(ReadOnlySpan<char> html, int from)
    {
        var i = from;
        while (i < end && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '/')) i++;
        return (TagNames.Of(html[from..i]), i);
    }

    /// <summary>The position after the '&gt;' that ends a start tag, skipping quoted attribute values.</summary>
    private readonly int TagEnd(ReadOnlySpan<char> html, int from)
    {
        // Quotes matter only where an attribute value starts: title="a > b" does not end the tag.
        var afterEquals = false;
        for (var i = from; i < end; i++)
        {
            var c = html[i];
            if (c == '>') return i + 1;
            if (afterEquals && c is '"' or '\'')
            {
                var closeQuote = html[(i + 1)..end].IndexOf(c);
                if (closeQuote < 0) return end;
                i += 1 + closeQuote;
                afterEquals = false;
            }
            else if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
        }
        return end;
    }

    /// <summary>The position after <paramref name="value"/> found from <paramref name="from"/>, or the end.</summary>
    private readonly int IndexOf(ReadOnlySpan<char> html, string value, int from)
    {
        if (from >= end) return end;
        var found = html[from..end].IndexOf(value, StringComparison.Ordinal);
        return found < 0 ? end : from + found + value.Length;
    }

    /// <summary>The value of one attribute of a start tag, or null.</summary>
    public static string? Attribute(string html, HtmlToken tag, string name) => Attribute(html.AsSpan(), tag, name);

    /// <summary>The value of one attribute of a start tag, or null.</summary>
    public static string? Attribute(ReadOnlySpan<char> html, HtmlToken tag, string name)
    {
        var i = tag.Start + 1 + tag.Name.Length;
        var stop = tag.End - 1;
        while (i < stop)
        {
            while (i < stop && (char.IsWhiteSpace(html[i]) || html[i] == '/')) i++;
            var nameStart = i;
            while (i < stop && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/')) i++;
            var attribute = html[nameStart..i];
            while (i < stop && char.IsWhiteSpace(html[i])) i++;
            string? value = "";
            if (i < stop && html[i] == '=')
            {
                i++;
                while (i < stop && char.IsWhiteSpace(html[i])) i++;
                if (i < stop && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html[(i + 1)..stop].IndexOf(quote);
                    close = close < 0 ? stop : i + 1 + close;
                    value = new string(html[(i + 1)..close]);
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < stop && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = new string(html[valueStart..i]);
                }
            }
            if (attribute.Length == 0) { i++; continue; }
            if (attribute.Equals(name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }
}
