namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Walks HTML source forwards and reports where each tag and text run starts and ends, without
/// building a DOM. Placement needs offsets in the author's original text (the signature is spliced
/// in, nothing else is re-serialized), and a DOM of a 100 KB reply would cost more than parsing and
/// writing the whole MIME message; a forward scan that mostly stops at the quote costs far less.
/// </summary>
internal struct HtmlTokenizer(string html, int start, int end)
{
    private int _position = start;

    public HtmlTokenizer(string html) : this(html, 0, html.Length) { }

    public int Position => _position;

    public bool Next(out HtmlToken token)
    {
        if (_position >= end) { token = default; return false; }
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
            token = Text(at);
            return true;
        }
        var next = html[at + 1];
        if (next == '!' || next == '?')
        {
            var close = html.AsSpan(at, end - at).StartsWith("<!--") ? IndexOf("-->", at + 4, 3) : IndexOf(">", at + 2, 1);
            _position = close;
            token = new HtmlToken(HtmlTokenKind.Other, at, close, "", false);
            return true;
        }
        if (next == '/' && at + 2 < end && char.IsAsciiLetter(html[at + 2]))
        {
            var (name, _) = Name(at + 2);
            _position = IndexOf(">", at + 2, 1);
            token = new HtmlToken(HtmlTokenKind.EndTag, at, _position, name, false);
            return true;
        }
        if (char.IsAsciiLetter(next))
        {
            var (name, afterName) = Name(at + 1);
            var close = TagEnd(afterName);
            _position = close;
            var selfClosing = close - 2 > at && html[close - 2] == '/';
            token = new HtmlToken(HtmlTokenKind.StartTag, at, close, name, selfClosing);
            if (!selfClosing && name is "style" or "script" or "title" or "textarea" or "xml") SkipRawText(name);
            return true;
        }
        token = Text(at);
        return true;
    }

    /// <summary>The contents of style/script/…: reported as <see cref="HtmlTokenKind.Other"/> by the next call.</summary>
    private void SkipRawText(string name)
    {
        var closing = html.IndexOf("</" + name, _position, end - _position, StringComparison.OrdinalIgnoreCase);
        _pendingRawEnd = closing < 0 ? end : closing;
    }

    private int _pendingRawEnd = -1;

    private HtmlToken Text(int at)
    {
        var lt = html.IndexOf('<', at + 1, end - at - 1);
        _position = lt < 0 ? end : lt;
        return new HtmlToken(HtmlTokenKind.Text, at, _position, "", false);
    }

    private (string Name, int After) Name(int from)
    {
        var i = from;
        while (i < end && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '/')) i++;
        return (html.Substring(from, i - from).ToLowerInvariant(), i);
    }

    /// <summary>The position after the '&gt;' that ends a start tag, skipping quoted attribute values.</summary>
    private int TagEnd(int from)
    {
        // Quotes matter only where an attribute value starts: title="a > b" does not end the tag.
        var afterEquals = false;
        for (var i = from; i < end; i++)
        {
            var c = html[i];
            if (c == '>') return i + 1;
            if (afterEquals && c is '"' or '\'')
            {
                var closeQuote = html.IndexOf(c, i + 1, end - i - 1);
                if (closeQuote < 0) return end;
                i = closeQuote;
                afterEquals = false;
            }
            else if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
        }
        return end;
    }

    private int IndexOf(string value, int from, int length)
    {
        if (from >= end) return end;
        var found = html.IndexOf(value, from, end - from, StringComparison.Ordinal);
        return found < 0 ? end : found + length;
    }

    /// <summary>The value of one attribute of a start tag, or null.</summary>
    public static string? Attribute(string html, HtmlToken tag, string name)
    {
        var i = tag.Start + 1 + tag.Name.Length;
        var stop = tag.End - 1;
        while (i < stop)
        {
            while (i < stop && (char.IsWhiteSpace(html[i]) || html[i] == '/')) i++;
            var nameStart = i;
            while (i < stop && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/')) i++;
            var attribute = html.AsSpan(nameStart, i - nameStart);
            while (i < stop && char.IsWhiteSpace(html[i])) i++;
            string? value = "";
            if (i < stop && html[i] == '=')
            {
                i++;
                while (i < stop && char.IsWhiteSpace(html[i])) i++;
                if (i < stop && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1, stop - i - 1);
                    if (close < 0) close = stop;
                    value = html.Substring(i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < stop && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html.Substring(valueStart, i - valueStart);
                }
            }
            if (attribute.Length == 0) { i++; continue; }
            if (attribute.Equals(name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }
}
