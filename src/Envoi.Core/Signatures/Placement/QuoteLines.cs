using System.Buffers;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Where a quoted thread starts in a list of text lines, the way mail clients write it in plain text
/// (and in HTML that only looks like plain text): the "On … wrote:" attribution (wrapped over up to
/// three lines), "-----Original Message-----" separators, "From: … Sent:" header blocks, Outlook's
/// underscore rule, "Begin forwarded message:", and "&gt;" lines, in every language of
/// <see cref="QuoteLanguage"/>. Used for text/plain parts and for the text lines of an HTML part.
/// </summary>
internal static class QuoteLines
{
    /// <summary>The first line of the quote; <see cref="AngleQuoted"/> when it is made of "&gt;" lines (so new text may follow it).</summary>
    public readonly record struct QuoteStart(int Index, string Description, bool AngleQuoted);

    /// <summary>A line this long is prose, never a client's quote line: the patterns are not tried on it.</summary>
    private const int LongestQuoteLine = 500;

    private static readonly SearchValues<char> SeparatorChars = SearchValues.Create("-=_*~");

    /// <summary>Where the quote starts (null when there is none); <paramref name="angleQuotes"/> also looks for "&gt;" lines.</summary>
    public static QuoteStart? Find(IReadOnlyList<string> lines, bool angleQuotes)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = QuoteText.Clean(lines[i]);
            if (line.Length == 0) continue;
            // ">:" alone is the end of a wrapped attribution ("… skrev Test user <test@example.com" + ">:"), not a quoted line.
            if (angleQuotes && line[0] == '>' && line.AsSpan(1).Trim() is not ":")
            {
                var attribution = Attributions.EndingAbove(lines, i);
                var description = attribution < 0 ? "the quoted lines ('>')" : Attributions.Describe(QuoteText.Joined(lines, attribution, i)) + " and the quoted lines";
                return new QuoteStart(attribution < 0 ? i : attribution, description, true);
            }
            if (line.Length > LongestQuoteLine) continue;
            // Each pattern is tried only on lines that have the character it cannot match without
            // (a leading '-' or '_', a colon at the end or near the start): most lines are the
            // author's prose, and a regex call costs more than a look at two characters.
            var last = line[^1];
            var endsWithColon = last is ':' or '：';
            if (SeparatorChars.Contains(line[0]) || SeparatorChars.Contains(last))
            {
                if (QuotePhrases.Separator.IsMatch(line)) return new QuoteStart(i, $"'{line}'", false);
                if (line[0] == '_' && IsRule(line, '_') && HeaderBlocks.StartsWithin(lines, i + 1, 3))
                    return new QuoteStart(i, "the Outlook separator ('____') and its From: block", false);
                // A separator in a language no table knows yet: a dashed banner right above a header block.
                if (IsBanner(line) && HeaderBlocks.StartsWithin(lines, i + 1, 2)) return new QuoteStart(i, $"'{line}'", false);
                if (Attributions.IsDashed(line)) return new QuoteStart(i, Attributions.Describe(line), false);
            }
            if (endsWithColon && QuotePhrases.ForwardIntro.IsMatch(line)) return new QuoteStart(i, $"'{line}'", false);
            if (HeaderBlocks.At(lines, i) is { } header) return new QuoteStart(i, header, false);
            if (endsWithColon && Attributions.EndingAt(lines, i, out var kind) is var start and >= 0
                && (kind == Attributions.Kind.Strong || angleQuotes && NextNonBlank(lines, i) is { } quoted && quoted.TrimStart().StartsWith('>')))
            {
                // "On … wrote:" over "> " lines: the author may have written below them.
                var angle = angleQuotes && NextNonBlank(lines, i) is { } next && next.TrimStart().StartsWith('>');
                return new QuoteStart(start, Attributions.Describe(QuoteText.Joined(lines, start, i + 1)), angle);
            }
        }
        return null;
    }

    /// <summary>
    /// True for the line a client writes just above a quote: "On … wrote:", "Am … schrieb X:",
    /// or a date and address ending with a colon (Yandex, mail.ru: "26.06.2014, 14:41, "X" &lt;x@y&gt;:").
    /// </summary>
    public static bool IsAttribution(string line) => Attributions.Classify(QuoteText.Clean(line)) != Attributions.Kind.None || IsForwardIntro(line);

    /// <summary>"Begin forwarded message:" and its translations.</summary>
    public static bool IsForwardIntro(string line) => QuotePhrases.ForwardIntro.IsMatch(QuoteText.Clean(line));

    /// <summary>The first line of a quoted message's header block: "From:", "De :", "Von:", "От:", "Date:"…</summary>
    public static bool IsHeaderLine(string line) => HeaderBlocks.IsFirstLine(QuoteText.Clean(line));

    public static string Describe(string attribution) => Attributions.Describe(attribution);

    /// <summary>The start of an attribution (wrapped over up to three lines) whose last line is <paramref name="end"/>, or -1.</summary>
    public static int AttributionEndingAt(IReadOnlyList<string> lines, int end) => Attributions.EndingAt(lines, end, out _);

    private static bool IsRule(string line, char c) => line.Length >= 10 && line.AsSpan().TrimEnd().IndexOfAnyExcept(c) < 0;

    /// <summary>"----- Xyz -----": words between runs of dashes (or equals signs).</summary>
    private static bool IsBanner(string line)
    {
        var inner = line.AsSpan().Trim("-=*~ \t");
        return line.Length - inner.Length >= 4 && inner.Length is >= 3 and <= 60 && !inner.ContainsAny(SeparatorChars) && !inner.Contains(':');
    }

    private static string? NextNonBlank(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
            if (lines[j].Trim().Length > 0) return lines[j];
        return null;
    }
}
