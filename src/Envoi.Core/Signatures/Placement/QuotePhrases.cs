using System.Text;
using System.Text.RegularExpressions;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The phrases of every <see cref="QuoteLanguage"/> table, compiled once into one pattern per kind
/// of line. Recognition does not need to know the message's language: a French reply to a German
/// thread carries a German attribution, and the union of the tables finds it.
/// </summary>
internal static class QuotePhrases
{
    public enum HeaderRole { None, From, Sent, To, Cc, Subject }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly IReadOnlyList<QuoteLanguage> Languages = QuoteLanguage.All;

    /// <summary>An attribution verb as a whole word ("wrote", "a écrit", "写道").</summary>
    public static readonly Regex Verb = new(Words(Languages.SelectMany(l => l.AttributionVerbs)), Options);

    /// <summary>A line that opens like an attribution: a start word ("On", "Le", "Il giorno") or a digit.</summary>
    public static readonly Regex Start = new($@"^(?:(?:{Alternatives(Languages.SelectMany(l => l.AttributionStarts))})(?=[\s,])|\d)", Options);

    /// <summary>"-----Original Message-----", "-------- Oprindelig besked --------", "---- 原始邮件 ----".</summary>
    public static readonly Regex Separator = new(
        $@"^(?:[-=_*~>]{{2,}}\s*(?:{Alternatives(Languages.SelectMany(l => l.Separators))})\s*[-=_*~]*|(?:{Alternatives(Languages.SelectMany(l => l.Separators))})\s*[-=_*~]{{2,}})\s*[:：]?$", Options);

    /// <summary>"Begin forwarded message:" and its translations, on a line of its own.</summary>
    public static readonly Regex ForwardIntro = new($@"^(?:{Alternatives(Languages.SelectMany(l => l.ForwardIntros))})\s*[:：]?$", Options);

    /// <summary>A header line: "From:", "*De :*", "Von:", "差出人：", with the label captured.</summary>
    public static readonly Regex HeaderLabel = new($@"^[*\s]*(?<label>{Alternatives(Labels().Select(l => l.Label))})[*\s]*[:：]", Options);

    /// <summary>A second header on the same line (Outlook's one-line "From: … Sent: … To: …").</summary>
    public static readonly Regex InlineHeaderLabel = new(
        $@"\s[*]?(?<label>{Alternatives(Labels().Where(l => l.Role is HeaderRole.Sent or HeaderRole.To or HeaderRole.Subject).Select(l => l.Label))})[*]?\s?[:：]", Options);

    public static readonly Regex SignOff = new($"^(?:{string.Join('|', Languages.SelectMany(l => l.MobileSignOffs).OrderByDescending(p => p.Length).Select(Wildcard))})$", Options);

    private static readonly Dictionary<string, HeaderRole> Roles = Labels()
        .GroupBy(l => Spaced(l.Label), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Role, StringComparer.OrdinalIgnoreCase);

    /// <summary>The role of the label a header line starts with, or None.</summary>
    public static HeaderRole RoleOf(string line) =>
        HeaderLabel.Match(line) is { Success: true } m && Roles.TryGetValue(Spaced(m.Groups["label"].Value), out var role) ? role : HeaderRole.None;

    /// <summary>The roles of headers that follow the first one on the same line.</summary>
    public static IEnumerable<HeaderRole> InlineRolesOf(string line)
    {
        foreach (Match m in InlineHeaderLabel.Matches(line))
            if (Roles.TryGetValue(Spaced(m.Groups["label"].Value), out var role)) yield return role;
    }

    private static IEnumerable<(string Label, HeaderRole Role)> Labels() =>
        Languages.SelectMany(l => l.Headers.From.Select(x => (x, HeaderRole.From))
            .Concat(l.Headers.Sent.Select(x => (x, HeaderRole.Sent)))
            .Concat(l.Headers.To.Select(x => (x, HeaderRole.To)))
            .Concat(l.Headers.Cc.Select(x => (x, HeaderRole.Cc)))
            .Concat(l.Headers.Subject.Select(x => (x, HeaderRole.Subject))));

    /// <summary>Phrases as one alternation, longest first (so "napisał(a)" wins over "napisał"), spaces matching any space.</summary>
    private static string Alternatives(IEnumerable<string> phrases) =>
        string.Join('|', phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).Select(Literal));

    /// <summary>
    /// Whole words in scripts that separate words with spaces; in Chinese, Japanese and Korean a
    /// verb is glued to the name before it ("John Doe 于…写道", "John님이 작성"), so no boundary there.
    /// </summary>
    private static string Words(IEnumerable<string> phrases) =>
        string.Join('|', phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length)
            .Select(p => (SpacedScript(p[0]) ? @"(?<![\p{L}\p{M}])" : "") + Literal(p) + (SpacedScript(p[^1]) ? @"(?![\p{L}\p{M}])" : "")));

    private static bool SpacedScript(char c) => char.IsLetter(c) && c < '\u2E80' && c is not (>= '\u1100' and <= '\u11FF');

    private static string Literal(string phrase) => Regex.Escape(Spaced(phrase)).Replace(@"\ ", @"\s+");

    private static string Wildcard(string pattern) => string.Join(".{1,40}?", pattern.Split('*').Select(Literal));

    /// <summary>A phrase with its runs of spaces (no-break ones included) made one plain space.</summary>
    private static string Spaced(string phrase)
    {
        var text = new StringBuilder(phrase.Length);
        foreach (var c in phrase.Trim())
        {
            if (char.IsWhiteSpace(c)) { if (text.Length > 0 && text[^1] != ' ') text.Append(' '); }
            else text.Append(c);
        }
        return text.ToString();
    }
}
