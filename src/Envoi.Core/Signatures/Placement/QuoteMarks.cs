using System.Buffers;
using Envoi.Core.Mime;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The start tags mail clients put where a quoted thread begins: Gmail and Android
/// (<c>gmail_quote</c>), Outlook desktop and web (<c>divRplyFwdMsg</c>, <c>appendonsend</c>, the
/// border-top "From:" block, <c>&lt;hr&gt;</c>), Outlook for Mac (<c>OLK_SRC_BODY_SECTION</c>), Apple
/// Mail, Thunderbird, Yandex and mail.ru (<c>blockquote</c>, <c>moz-cite-prefix</c>), Yahoo
/// (<c>yahoo_quoted</c>, <c>ydp…yahoo_quoted</c>), Windows Mail (border-top block), Zimbra
/// (<c>data-marker</c>), Zoho (<c>zmail_extra</c>), ProtonMail (<c>protonmail_quote</c>), Superhuman
/// and Spark (<c>name="messageReplySection"</c>), new Outlook (<c>mail-editor-reference-message-container</c>).
/// </summary>
internal static class QuoteMarks
{
    public readonly record struct Recognized(string Description, QuoteMarkKind Kind);

    private static readonly SearchValues<string> QuoteWords =
        SearchValues.Create(["quote", "RplyFwd", "appendonsend", "OLK_SRC", "moz-cite", "border-top", "data-marker", "zmail_extra", "messageReplySection", "reference-message"], StringComparison.OrdinalIgnoreCase);

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
        // Outlook prefixes the ids of a message it quotes again with "x_": the outer one is still the reply header.
        if (id.EndsWith("divRplyFwdMsg", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook reply header (divRplyFwdMsg)", QuoteMarkKind.Separator);
        if (id.Equals("appendonsend", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook reply header (appendonsend)", QuoteMarkKind.Separator);
        if (id.Equals("OLK_SRC_BODY_SECTION", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook for Mac quote (OLK_SRC_BODY_SECTION)", QuoteMarkKind.Container);
        if (id.Equals("mail-editor-reference-message-container", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook quoted message (mail-editor-reference-message-container)", QuoteMarkKind.Separator);
        if (HtmlTokenizer.Attribute(html, tag, "data-marker") is "__DIVIDER__" or "__HEADERS__" or "__QUOTED_TEXT__")
            return new("the Zimbra quote (data-marker)", QuoteMarkKind.Separator);
        if (HtmlTokenizer.Attribute(html, tag, "name") is { } section && section.Equals("messageReplySection", StringComparison.OrdinalIgnoreCase))
            return new("the Spark quote (messageReplySection)", QuoteMarkKind.Container);

        var classes = (HtmlTokenizer.Attribute(html, tag, "class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in classes)
        {
            if (name is "gmail_quote" or "gmail_quote_container" or "gmail_attr")
                return new("the Gmail quote (gmail_quote)", QuoteMarkKind.Container);
            if (name.EndsWith("yahoo_quoted", StringComparison.OrdinalIgnoreCase))
                return new("the Yahoo quote (yahoo_quoted)", QuoteMarkKind.Container);
            if (name == "moz-cite-prefix")
                return new("the Thunderbird quote (moz-cite-prefix)", QuoteMarkKind.Container);
            if (name.StartsWith("zmail_extra", StringComparison.OrdinalIgnoreCase))
                return new("the Zoho quote (zmail_extra)", QuoteMarkKind.Container);
            if (name.Equals("protonmail_quote", StringComparison.OrdinalIgnoreCase))
                return new("the ProtonMail quote (protonmail_quote)", QuoteMarkKind.Container);
            if (IsQuoteClass(name))
                return new($"the quote (class {name})", QuoteMarkKind.Container);
        }
        if (id.Contains("yahoo_quoted", StringComparison.OrdinalIgnoreCase))
            return new("the Yahoo quote (yahoo_quoted)", QuoteMarkKind.Container);

        if (tag.Name == "div" && HtmlTokenizer.Attribute(html, tag, "style") is { } style && style.Contains("border-top", StringComparison.OrdinalIgnoreCase))
            return new("the Outlook header block (border-top, From:)", QuoteMarkKind.SeparatorIfHeaderFollows);
        return null;
    }

    /// <summary>
    /// A class naming a quote as a word of its own: "quote", "sh-quoted-content" (Superhuman),
    /// "spark_quote", "x_quote"; not "blockquote-style" or "quotes-carousel" in a newsletter.
    /// </summary>
    private static bool IsQuoteClass(string name)
    {
        foreach (var word in name.Split('_', '-'))
            if (word.Equals("quote", StringComparison.OrdinalIgnoreCase) || word.Equals("quoted", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
