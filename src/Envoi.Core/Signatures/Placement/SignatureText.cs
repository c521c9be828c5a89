namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Text compared the way a reader sees it: runs of whitespace (including no-break spaces) are one
/// space. "Already present" compares signatures in this form, so re-wrapped lines still match.
/// </summary>
internal static class SignatureText
{
    public static string Normalize(string text) => IsNormalized(text) ? text : Normalize([text]);

    /// <summary>The visible text of an HTML signature, normalized.</summary>
    public static string OfHtml(string html) => Normalize(HtmlOutline.Of(html).Lines.Select(l => l.Text));

    public static bool IsIn(IEnumerable<string> lines, string normalizedSignature)
    {
        if (normalizedSignature.Length == 0) return false;
        var normalized = Joined(lines);
        return Contains(normalized, normalizedSignature);
    }

    public static bool IsIn(ReadOnlySpan<char> text, string normalizedSignature) => IsIn(text, [], normalizedSignature);

    /// <summary>Whether any of the signature's forms (its text, and the text of its HTML) is in the text.</summary>
    public static bool IsIn(ReadOnlySpan<char> text, IReadOnlyList<string> forms)
    {
        foreach (var form in forms) if (IsIn(text, [], form)) return true;
        return false;
    }

    public static bool IsIn(ReadOnlySpan<char> first, ReadOnlySpan<char> second, IReadOnlyList<string> forms)
    {
        foreach (var form in forms) if (IsIn(first, second, form)) return true;
        return false;
    }

    /// <summary>Whether the signature is in <paramref name="first"/> and <paramref name="second"/> joined by a space.</summary>
    public static bool IsIn(ReadOnlySpan<char> first, ReadOnlySpan<char> second, string normalizedSignature)
    {
        if (normalizedSignature.Length == 0) return false;
        var normalized = new NormalizedText(first.Length + second.Length + 1);
        normalized.Append(first);
        normalized.Append(" ");
        normalized.Append(second);
        return Contains(normalized, normalizedSignature);
    }

    private static bool Contains(NormalizedText normalized, string normalizedSignature)
    {
        try
        {
            if (normalized.Text.Contains(normalizedSignature, StringComparison.Ordinal)) return true;
            // The same signature seen through a client or a second gateway: links rewritten for
            // tracking, "text <url>" as Outlook writes links in the text it derives from HTML,
            // punctuation and line breaks changed. Its words, in order, are still there.
            var words = SignatureWords.Of(normalizedSignature);
            return words.Length >= SignatureWords.Shortest && SignatureWords.Of(normalized.Text).Contains(words, StringComparison.Ordinal);
        }
        finally
        {
            normalized.Dispose();
        }
    }

    /// <summary>The lines joined with spaces, normalized.</summary>
    private static string Normalize(IEnumerable<string> lines)
    {
        var normalized = Joined(lines);
        try
        {
            return normalized.ToString();
        }
        finally
        {
            normalized.Dispose();
        }
    }

    /// <summary>What <c>Normalize(string.Join(' ', lines))</c> gives, built in a pooled buffer.</summary>
    private static NormalizedText Joined(IEnumerable<string> lines)
    {
        var normalized = new NormalizedText(256);
        var first = true;
        foreach (var line in lines)
        {
            if (!first) normalized.Append(" ");
            normalized.Append(line);
            first = false;
        }
        return normalized;
    }

    /// <summary>True when normalizing would give the same text: single spaces between words, none at either end.</summary>
    private static bool IsNormalized(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSpace(text[i])) continue;
            if (text[i] != ' ' || i == 0 || i == text.Length - 1 || IsSpace(text[i + 1])) return false;
        }
        return true;
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';
}
