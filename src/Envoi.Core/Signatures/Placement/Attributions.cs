using System.Text.RegularExpressions;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The line a client writes above the quote, recognized by its structure rather than its exact
/// words: it ends with a colon, and either holds an attribution verb of some language next to a
/// name (and a date, an address or an opening word: "On", "Le", "Am"…), or is a date and an address
/// alone (Gmail in Russian and Japanese, Yandex). Clients wrap it at 72–78 columns, so it may span
/// up to three lines.
/// </summary>
internal static partial class Attributions
{
    public enum Kind
    {
        None,
        /// <summary>A verb and a name only ("John wrote:"), or a date and an address: a quote only when quoted lines follow.</summary>
        Weak,
        /// <summary>A verb, a name and a date, an address or an opening word: the thread starts here even without "&gt;" lines.</summary>
        Strong,
    }

    /// <summary>The most a verb may be followed by (a name and address, a date: "schrieb Bob &lt;bob@x&gt;:").</summary>
    private const int LongestTail = 160;

    public static Kind Classify(string line)
    {
        if (line.Length is < 4 or > 500 || line[^1] is not (':' or '：')) return Kind.None;
        var body = line.AsSpan(0, line.Length - 1).TrimEnd().ToString();
        foreach (Match verb in QuotePhrases.Verb.Matches(body))
        {
            if (body.Length - (verb.Index + verb.Length) > LongestTail) continue;
            var rest = string.Concat(body.AsSpan(0, verb.Index), " ", body.AsSpan(verb.Index + verb.Length));
            if (rest.Count(char.IsLetterOrDigit) < 2) continue; // "kirjoitti:" alone is the end of a wrapped line, not a whole attribution
            return Evidence(body) ? Kind.Strong : Kind.Weak;
        }
        // "ср, 30 апр. 2025 г. в 15:19, John Doe <john@example.com>:", "26.06.2014, 14:41, "X" <x@y>:"
        return Time().IsMatch(body) && (body.Contains('@') || body.Contains('"')) ? Kind.Weak : Kind.None;
    }

    /// <summary>Zoho's "---- On Mon, 05 May 2025 10:00:00 +0000 John &lt;j@x&gt; wrote ----" (no colon, between dashes).</summary>
    public static bool IsDashed(string line)
    {
        if (!line.StartsWith("--", StringComparison.Ordinal) || !line.EndsWith("--", StringComparison.Ordinal)) return false;
        var inner = line.Trim('-', ' ', '\t');
        return inner.Length > 8 && Classify(inner + ":") == Kind.Strong;
    }

    /// <summary>
    /// Where the attribution whose last line is <paramref name="end"/> starts, or -1. A line above
    /// belongs to it when the lines from there still read as one attribution and either open like one
    /// ("On …", a date) or are needed to make one ("…Doe &lt;john@example.com&gt;" + "kirjoitti:"); so
    /// the author's "Thanks, Alex" right above "On … wrote:" stays the author's.
    /// </summary>
    public static int EndingAt(IReadOnlyList<string> lines, int end, out Kind kind)
    {
        kind = Kind.None;
        var first = end;
        while (first > 0 && end - first < 2 && QuoteText.Clean(lines[first - 1]).Length > 0) first--;
        for (var from = first; from <= end; from++)
        {
            var candidate = QuoteText.Joined(lines, from, end + 1);
            var found = Classify(candidate);
            if (found == Kind.None) continue;
            if (from == end || QuotePhrases.Start.IsMatch(QuoteText.Clean(lines[from])) || Classify(QuoteText.Joined(lines, from + 1, end + 1)) == Kind.None)
            {
                kind = found;
                return from;
            }
        }
        return -1;
    }

    /// <summary>The attribution ending on the last non-blank line above line <paramref name="i"/> (the first "&gt;" line), or -1.</summary>
    public static int EndingAbove(IReadOnlyList<string> lines, int i)
    {
        var j = i - 1;
        while (j >= 0 && QuoteText.Clean(lines[j]).Length == 0) j--;
        if (j < 0) return -1;
        var line = QuoteText.Clean(lines[j]);
        if (QuotePhrases.ForwardIntro.IsMatch(line)) return j;
        return line.Length > 0 && line[^1] is ':' or '：' ? EndingAt(lines, j, out _) : -1;
    }

    public static string Describe(string attribution)
    {
        var line = QuoteText.Clean(attribution);
        if (QuotePhrases.ForwardIntro.IsMatch(line)) return $"'{line}'";
        var verb = QuotePhrases.Verb.Match(line) is { Success: true } m ? m.Value.ToLowerInvariant() : "";
        return verb switch
        {
            "wrote" when line.StartsWith("On ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("-", StringComparison.Ordinal) => "'On … wrote:'",
            "a écrit" => "'Le … a écrit :'",
            "schrieb" => "'Am … schrieb …:'",
            "escribió" => "'El … escribió:'",
            "" => "the attribution line ('… :')",
            _ => $"'… {verb}:'",
        };
    }

    /// <summary>What makes "… wrote:" a client's line rather than the author's: a date or time, an address, or an opening word.</summary>
    private static bool Evidence(string body) => body.Any(char.IsDigit) || body.Contains('@') || QuotePhrases.Start.IsMatch(body);

    [GeneratedRegex(@"\d{1,2}[:.]\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}年")]
    private static partial Regex Time();
}
