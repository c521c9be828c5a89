using System.Buffers;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The start tags mail clients put where a quoted thread begins: Gmail and Android
/// (<c>gmail_quote</c>), Outlook desktop and web (<c>divRplyFwdMsg</c>, <c>appendonsend</c>, the
/// border-top "From:" block, <c>&lt;hr&gt;</c>), Outlook for Mac (<c>OLK_SRC_BODY_SECTION</c>), Apple
/// Mail, Thunderbird, Yandex and mail.ru (<c>blockquote</c>, <c>moz-cite-prefix</c>), Yahoo
/// (<c>yahoo_quoted</c>, <c>ydp…yahoo_quoted</c>) and Windows Mail (border-top block).
/// </summary>
internal static class QuoteMarks
{
    public readonly record struct Recognized(string Description, QuoteMarkKind Kind);

    private static readonly SearchValues<string> QuoteWords =
        SearchValues.Create(["quote", "RplyFwd", "appendonsend", "OLK_SRC", "moz-cite", "border-top"], StringComparison.OrdinalIgnoreCase);

    public static Recognized? Recognize(ReadOnlySpan<char> html, HtmlToken tag)
    {
        switch (tag.Name)
        {
            case "blockquote":
                return HtmlTokenizer.Attribute(html, tag, "type") is { } type && type.Equals("cite", StringComparison.OrdinalIgnoreCase)
                    ? new("the cited quote (blockquote type=cite)", QuoteMarkKind.Container)
                    : new("the quote (blockquote)", QuoteMarkKind.Container);
            case "hr":
                return HtmlTokenizer.Attribute(html, tag, "id") is "stopSpelling"
                    ? new("the Outlook.com separator (hr#stopSpelling)", QuoteMarkKind.SeparatorIfHeaderFollows)
                    : new("the separator (<hr>) and the From: block", QuoteMarkKind.SeparatorIfHeaderFollows);
            case "div" or "span" or "table" or "section":
                return ByAttributes(html, tag);
            default:
                return null;
        }
    }

    private static Recognized? ByAttributes(ReadOnlySpan<char> html, HtmlToken tag)
    {
        var source = html[tag.Start..tag.End];
        // Most tags carry none of these words: look (in one pass) before parsing attributes.
        if (!source.ContainsAny(QuoteWords)) return null;

        var id = HtmlTokenizer.Attribute(html, tag, "id") ?? "";
        if (id.Equals("divRplyFwdMsg", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook reply header (divRplyFwdMsg)", QuoteMarkKind.Separator);
        if (id.Equals("appendonsend", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook reply header (appendonsend)", QuoteMarkKind.Separator);
        if (id.Equals("OLK_SRC_BODY_SECTION", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook for Mac quote (OLK_SRC_BODY_SECTION)", QuoteMarkKind.Container);

        var classes = (HtmlTokenizer.Attribute(html, tag, "class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in classes)
        {
            if (name is "gmail_quote" or "gmail_quote_container" or "gmail_attr")
                return new("the Gmail quote (gmail_quote)", QuoteMarkKind.Container);
            if (name.EndsWith("yahoo_quoted", StringComparison.OrdinalIgnoreCase))
                return new("the Yahoo quote (yahoo_quoted)", QuoteMarkKind.Container);
            if (name == "moz-cite-prefix")
                return new("the Thunderbird quote (moz-cite-prefix)", QuoteMarkKind.Container);
            if (name == "quote")
                return new("the quote (class quote)", QuoteMarkKind.Container);
        }
        if (id.Contains("yahoo_quoted", StringComparison.OrdinalIgnoreCase))
            return new("the Yahoo quote (yahoo_quoted)", QuoteMarkKind.Container);

        if (tag.Name == "div" && HtmlTokenizer.Attribute(html, tag, "style") is { } style && style.Contains("border-top", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook header block (border-top, From:)", QuoteMarkKind.SeparatorIfHeaderFollows);
        return null;
    }
}
