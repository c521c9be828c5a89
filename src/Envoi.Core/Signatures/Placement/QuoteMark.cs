namespace Envoi.Core.Signatures.Placement;

internal enum QuoteMarkKind
{
    /// <summary>An element that holds the whole quote (blockquote, div.gmail_quote…): text after it is new again.</summary>
    Container,
    /// <summary>An element after which everything is quoted (Outlook's divRplyFwdMsg, appendonsend).</summary>
    Separator,
    /// <summary>A rule or a top border (hr, Outlook's border-top div): a quote only when a "From:" header line follows.</summary>
    SeparatorIfHeaderFollows,
}

/// <summary>An HTML element a mail client puts where the quoted thread begins.</summary>
internal sealed class QuoteMark(int offset, string description, QuoteMarkKind kind, int nextLine)
{
    /// <summary>Where the element's start tag begins in the source.</summary>
    public int Offset { get; } = offset;
    public string Description { get; } = description;
    public QuoteMarkKind Kind { get; } = kind;
    /// <summary>Index of the first text line after the element starts.</summary>
    public int NextLine { get; } = nextLine;
    /// <summary>For a container, where its end tag ends; -1 while unknown (never closed).</summary>
    public int End { get; set; } = -1;
}
