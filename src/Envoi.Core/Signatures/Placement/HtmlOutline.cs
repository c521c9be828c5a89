using System.Net;
using Envoi.Core.Mime;

namespace Envoi.Core.Signatures.Placement;

/// <summary>A line of visible text in HTML: where it starts (before the tag that opened it) and where its text ends.</summary>
internal sealed record HtmlLine(int Start, int ContentEnd, string Text);

/// <summary>
/// What placement needs to know about an HTML body, from one forward scan: the visible text lines
/// outside quote containers, the elements clients use to start a quote, Envoi's own signature
/// markers and where &lt;/body&gt; is. Lines inside a quote container are skipped, not collected.
/// </summary>
internal sealed class HtmlOutline
{
    private static readonly HashSet<string> LineBreakingTags =
    [
        "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt", "fieldset",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ];

    public List<HtmlLine> Lines { get; } = [];
    public List<QuoteMark> Marks { get; } = [];
    /// <summary>Start offsets of elements carrying <c>envoi-signature</c>, in or out of quotes.</summary>
    public List<int> SignatureMarkers { get; } = [];
    /// <summary>Where the last &lt;/body&gt; (else &lt;/html&gt;) starts, or the end of the text.</summary>
    public int ContentEnd { get; private set; }

    private readonly ReadOnlyMemory<char> _html;
    private NormalizedText _text = new(256); // the current line, normalized as it grows
    private int _lineStart = -1;
    private int _lineContentEnd = -1;
    private bool _lineHasText;
    private QuoteMark? _openContainer;
    private string _openContainerTag = "";
    private int _openContainerDepth;

    private HtmlOutline(ReadOnlyMemory<char> html) => _html = html;

    public static HtmlOutline Of(string html) => Of(html.AsMemory());

    public static HtmlOutline Of(ReadOnlyMemory<char> html)
    {
        var outline = new HtmlOutline(html);
        try
        {
            outline.Scan();
        }
        finally
        {
            outline._text.Dispose();
        }
        return outline;
    }

    private void Scan()
    {
        var bodyEnd = -1;
        var htmlEnd = -1;
        var tokens = new HtmlTokenizer(_html);
        while (!QuoteIsSettled() && tokens.Next(out var token))
        {
            switch (token.Kind)
            {
                case HtmlTokenKind.Text:
                    if (_openContainer is null) AddText(token);
                    break;
                case HtmlTokenKind.StartTag:
                    if (HasSignatureMarker(token)) SignatureMarkers.Add(token.Start);
                    if (_openContainer is not null)
                    {
                        if (token.Name == _openContainerTag && !token.SelfClosing) _openContainerDepth++;
                        break;
                    }
                    if (LineBreakingTags.Contains(token.Name)) BreakLine(token.Start);
                    if (QuoteMarks.Recognize(_html.Span, token) is { } mark) Open(mark, token);
                    else if (token.Name == "img") { _lineContentEnd = token.End; if (_lineStart < 0) _lineStart = token.Start; }
                    break;
                case HtmlTokenKind.EndTag:
                    if (_openContainer is not null)
                    {
                        if (token.Name == _openContainerTag && --_openContainerDepth == 0)
                        {
                            _openContainer.End = token.End;
                            _openContainer = null;
                            _lineStart = token.End;
                        }
                        break;
                    }
                    if (token.Name == "body") bodyEnd = token.Start;
                    else if (token.Name == "html") htmlEnd = token.Start;
                    if (LineBreakingTags.Contains(token.Name)) BreakLine(token.End);
                    break;
            }
        }
        BreakLine(_html.Length);
        // When the scan stopped at a separator, </body> was not reached; placement is above the quote then.
        ContentEnd = bodyEnd >= 0 ? bodyEnd : htmlEnd >= 0 ? htmlEnd : _html.Length;
    }

    /// <summary>
    /// After a separator that is surely a quote (Outlook's reply header, or a rule with a "From:"
    /// line under it) everything is the old thread: nothing further can move the signature, so the
    /// scan stops there instead of reading the whole history.
    /// </summary>
    private bool QuoteIsSettled()
    {
        if (Marks.Count == 0 || Lines.Count == _linesWhenChecked) return false;
        _linesWhenChecked = Lines.Count;
        foreach (var mark in Marks)
        {
            if (mark.Kind == QuoteMarkKind.Separator) return true;
            if (mark.Kind == QuoteMarkKind.SeparatorIfHeaderFollows && mark.NextLine < Lines.Count && QuoteLines.IsHeaderLine(Lines[mark.NextLine].Text))
                return true;
        }
        return false;
    }

    private int _linesWhenChecked = -1;

    private void Open(QuoteMarks.Recognized recognized, HtmlToken token)
    {
        BreakLine(token.Start); // an inline quote element (span#OLK_SRC_BODY_SECTION) still ends the line before it
        var mark = new QuoteMark(token.Start, recognized.Description, recognized.Kind, Lines.Count);
        Marks.Add(mark);
        if (recognized.Kind != QuoteMarkKind.Container || token.SelfClosing) return;
        _openContainer = mark;
        _openContainerTag = token.Name;
        _openContainerDepth = 1;
    }

    private void AddText(HtmlToken token)
    {
        var html = _html.Span;
        var raw = html[token.Start..token.End];
        var text = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw;
        if (_lineStart < 0) _lineStart = token.Start;
        if (text.IsWhiteSpace()) // no-break spaces included: char.IsWhiteSpace says so
        {
            if (_lineHasText) _text.Append(" ");
            return;
        }
        _text.Append(text);
        _lineHasText = true;
        var end = token.End;
        while (end > token.Start && char.IsWhiteSpace(html[end - 1])) end--;
        _lineContentEnd = end;
    }

    /// <summary>Ends the current line at a block boundary; the next line starts at <paramref name="nextStart"/> unless it already started.</summary>
    private void BreakLine(int nextStart)
    {
        if (_lineHasText)
        {
            Lines.Add(new HtmlLine(_lineStart, _lineContentEnd, _text.ToString()));
            _lineStart = -1;
        }
        _text.Clear();
        _lineHasText = false;
        if (_lineStart < 0) _lineStart = nextStart;
    }

    private bool HasSignatureMarker(HtmlToken token) =>
        _html.Span[token.Start..token.End].Contains(SignatureMarker.ClassName, StringComparison.OrdinalIgnoreCase);
}
