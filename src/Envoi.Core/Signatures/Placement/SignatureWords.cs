using System.Text;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// A signature reduced to its words: letters and digits, lower-cased, one space between words;
/// links (<c>https://…</c>, <c>www.…</c>, <c>&lt;mailto:…&gt;</c>, Outlook's <c>[cid:…]</c>) left out, as
/// tracking rewrites them and clients spell them differently. Recognizes a signature that went
/// through a client or another gateway.
/// </summary>
internal static class SignatureWords
{
    /// <summary>Fewer letters than this could be any author's words ("Alex"): only an exact match counts then.</summary>
    public const int Shortest = 12;

    public static string Of(ReadOnlySpan<char> text)
    {
        var words = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (LinkLength(text[i..]) is var link and > 0) { i += link - 1; space = words.Length > 0; continue; }
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (space) words.Append(' ');
                space = false;
                words.Append(char.ToLowerInvariant(c));
            }
            else space = words.Length > 0;
        }
        return words.ToString();
    }

    /// <summary>The length of the link starting here, or 0.</summary>
    private static int LinkLength(ReadOnlySpan<char> rest)
    {
        var bracketed = rest[0] is '<' or '[';
        var start = bracketed ? rest[1..] : rest;
        if (!(start.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || start.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || start.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || start.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)))
            return 0;
        var end = bracketed ? rest.IndexOfAny('>', ']') : rest.IndexOfAny(" \t\r\n)\"'");
        return end < 0 ? rest.Length : bracketed ? end + 1 : end;
    }
}
