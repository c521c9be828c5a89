namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Tidies the text form after Liquid: tags on their own lines and empty attributes leave blank
/// lines and trailing spaces behind, which a plain-text reader sees. Trailing spaces go, runs of
/// blank lines become one, and blank lines at the start and end go. Lines end with "\n"; the message writer chooses the line
/// ends of the mail itself.
/// </summary>
public static class TextFinisher
{
    public static string Clean(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(line => line.TrimEnd());
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0)) continue;
            kept.Add(line);
        }
        while (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
        return string.Join('\n', kept);
    }
}
