namespace Envoi.Core.Mime;

internal enum HtmlTokenKind
{
    Text,
    StartTag,
    EndTag,
    /// <summary>Comments, doctype, CDATA, and the contents of style/script/title/xml: never the author's text.</summary>
    Other,
}

/// <summary>One piece of HTML source: [Start, End) in the original string, and the lower-case tag name for tags.</summary>
internal readonly record struct HtmlToken(HtmlTokenKind Kind, int Start, int End, string Name, bool SelfClosing)
{
    public bool IsTag(string name) => Kind is HtmlTokenKind.StartTag or HtmlTokenKind.EndTag && Name == name;
}
