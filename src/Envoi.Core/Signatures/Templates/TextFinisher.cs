using System.Text;
using System.Text.RegularExpressions;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Keeps the text form free of the blank lines Liquid leaves behind. Before parsing, every source
/// line that holds Liquid and nothing else (<c>{{ mobile | labelled: "M " }}</c>, <c>{% if … %}</c>)
/// gets an invisible marker at its end; after rendering, a line that is nothing but the marker was
/// one of those and rendered empty, so it goes entirely. Blank lines the author wrote stay (runs of
/// them become one), trailing spaces go, and so do blank lines at the start and end (a "--" line keeps the space of the "-- " separator).
/// Lines end with "\n"; the message writer chooses the line ends of the mail itself.
/// </summary>
public static partial class TextFinisher
{
    private const char Marker = '\u0001';

    public static string MarkLiquidOnlyLines(string source)
    {
        var regions = Region().Matches(source).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        var marked = new StringBuilder(source.Length + 64);
        var lineStart = 0;
        while (lineStart <= source.Length)
        {
            var newline = source.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? source.Length : newline;
            var contentEnd = lineEnd > lineStart && source[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            marked.Append(source, lineStart, contentEnd - lineStart);
            if (IsLiquidOnly(source, lineStart, contentEnd, regions)) marked.Append(Marker);
            if (newline < 0) break;
            marked.Append(source, contentEnd, lineEnd - contentEnd + 1);
            lineStart = newline + 1;
        }
        return marked.ToString();
    }

    public static string Clean(string text)
    {
        var kept = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            if (raw.Length > 0 && raw.Trim().Trim(Marker).Trim().Length == 0 && raw.Contains(Marker)) continue;
            var line = raw.Replace(Marker.ToString(), "").TrimEnd();
            // The usenet signature separator is "-- " with its space; mail clients look for exactly that.
            if (line == "--") line = "-- ";
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0)) continue;
            kept.Add(line);
        }
        while (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
        return string.Join('\n', kept);
    }

    /// <summary>
    /// A line whose non-blank characters all lie inside Liquid regions, and whose end is not inside
    /// one (a marker there would change the Liquid itself).
    /// </summary>
    private static bool IsLiquidOnly(string source, int start, int end, List<(int Start, int End)> regions)
    {
        if (regions.Any(r => r.Start < end && end < r.End)) return false;
        var sawLiquid = false;
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(source[i])) continue;
            var inside = regions.Any(r => r.Start <= i && i < r.End);
            if (!inside) return false;
            sawLiquid = true;
        }
        return sawLiquid;
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Region();
}
