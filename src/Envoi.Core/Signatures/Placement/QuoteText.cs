using System.Buffers;
using System.Text;

namespace Envoi.Core.Signatures.Placement;

/// <summary>Lines as quote recognition reads them: trimmed, without invisible format characters.</summary>
internal static class QuoteText
{
    /// <summary>Bidi marks and embeddings (Arabic and Hebrew clients wrap names and dates in them), zero-width characters, BOM, soft hyphen.</summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u00AD\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF");

    public static string Clean(string line)
    {
        var span = line.AsSpan().Trim();
        if (span.IndexOfAny(Invisible) < 0) return span.Length == line.Length ? line : new string(span);
        var text = new StringBuilder(span.Length);
        foreach (var c in span)
            if (!Invisible.Contains(c)) text.Append(c);
        return text.ToString().Trim();
    }

    /// <summary>Lines [<paramref name="from"/>, <paramref name="to"/>) cleaned and joined by single spaces.</summary>
    public static string Joined(IReadOnlyList<string> lines, int from, int to)
    {
        var text = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var line = Clean(lines[i]);
            if (line.Length == 0) continue;
            if (text.Length > 0) text.Append(' ');
            text.Append(line);
        }
        return text.ToString();
    }
}
