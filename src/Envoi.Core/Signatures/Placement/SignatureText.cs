namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Text compared the way a reader sees it: runs of whitespace (including no-break spaces) are one
/// space. "Already present" compares signatures in this form, so re-wrapped lines still match.
/// </summary>
internal static class SignatureText
{
    public static string Normalize(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0') { space = result.Length > 0; continue; }
            if (space) result.Append(' ');
            space = false;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>The visible text of an HTML signature, normalized.</summary>
    public static string OfHtml(string html) => Normalize(string.Join(' ', HtmlOutline.Of(html).Lines.Select(l => l.Text)));

    public static bool IsIn(IEnumerable<string> lines, string normalizedSignature) =>
        normalizedSignature.Length > 0 && Normalize(string.Join(' ', lines)).Contains(normalizedSignature, StringComparison.Ordinal);
}
