using static Envoi.Core.Signatures.Placement.QuotePhrases;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The header block of a quoted message, as Outlook, Apple Mail and Android write it in every
/// language: "From: …" / "Sent: …" / "To: …" / "Subject: …", "De : … Envoyé : …", "Von: … Gesendet: …",
/// "差出人: … 送信日時: …". One labelled line is prose; two labels of different roles, the first a
/// sender or a date, on consecutive lines (or on one line, Outlook's compact form) are a header.
/// </summary>
internal static class HeaderBlocks
{
    /// <summary>How far below the first header line the second one may be (a wrapped To: list between them).</summary>
    private const int Reach = 8;

    /// <summary>A description of the header block starting at line <paramref name="i"/>, or null.</summary>
    public static string? At(IReadOnlyList<string> lines, int i)
    {
        var first = QuoteText.Clean(lines[i]);
        if (!MayBeHeader(first)) return null;
        var role = RoleOf(first);
        if (role is not (HeaderRole.From or HeaderRole.Sent)) return null;
        var firstLabel = Label(first);
        if (InlineRolesOf(first).FirstOrDefault(r => r != role) is not HeaderRole.None and var inline)
            return Describe(firstLabel, first, inline);
        for (var j = i + 1; j < lines.Count && j <= i + Reach; j++)
        {
            var line = QuoteText.Clean(lines[j]);
            if (line.Length == 0) break;
            if (!MayBeHeader(line)) continue;
            var other = RoleOf(line);
            if (other != HeaderRole.None && other != role) return $"the '{firstLabel}: … {Label(line)}:' header";
        }
        return null;
    }

    /// <summary>Whether a header block starts within <paramref name="reach"/> lines from <paramref name="from"/>.</summary>
    public static bool StartsWithin(IReadOnlyList<string> lines, int from, int reach)
    {
        for (var j = from; j < lines.Count && j < from + reach; j++)
        {
            if (QuoteText.Clean(lines[j]).Length == 0) continue;
            return At(lines, j) is not null || IsFirstLine(QuoteText.Clean(lines[j]));
        }
        return false;
    }

    /// <summary>A line that can open a header block: "From:", "Date:", "От:", "发件人:".</summary>
    public static bool IsFirstLine(string line) => MayBeHeader(line) && RoleOf(line) is HeaderRole.From or HeaderRole.Sent;

    private static string Describe(string firstLabel, string line, HeaderRole inline) =>
        $"the '{firstLabel}: … {Label(line[(line.IndexOf(':') + 1)..], inline)}:' header";

    /// <summary>Labels are short: the colon comes within the first 40 characters.</summary>
    private static bool MayBeHeader(string line)
    {
        var colon = line.AsSpan(0, Math.Min(line.Length, 40)).IndexOfAny(':', '：');
        return colon > 0;
    }

    private static string Label(string line) => HeaderLabel.Match(line) is { Success: true } m ? m.Groups["label"].Value : "";

    private static string Label(string rest, HeaderRole role)
    {
        foreach (System.Text.RegularExpressions.Match m in InlineHeaderLabel.Matches(" " + rest))
            return m.Groups["label"].Value;
        return role.ToString();
    }
}
