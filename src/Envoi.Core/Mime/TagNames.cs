namespace Envoi.Core.Mime;

/// <summary>
/// Lower-case tag names without a new string for each tag: the names placement and the later
/// stages compare against are handed out as the same instances every time.
/// </summary>
internal static class TagNames
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "address", "article", "aside", "b", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt",
        "em", "fieldset", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hr", "html", "i", "img", "li", "main", "meta", "nav", "o:p", "ol", "p", "pre", "script", "section", "span",
        "strong", "style", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "u", "ul", "xml",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The name in lower case, as <c>ToLowerInvariant</c> gives it.</summary>
    public static string Of(ReadOnlySpan<char> name) =>
        // Only ASCII goes through the case-insensitive table: there it agrees with ToLowerInvariant.
        System.Text.Ascii.IsValid(name) && Lookup.TryGetValue(name, out var known) ? known : new string(name).ToLowerInvariant();
}
