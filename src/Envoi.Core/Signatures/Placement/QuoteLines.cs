using System.Text.RegularExpressions;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Where a quoted thread starts in a list of text lines, the way mail clients write it in plain text
/// (and in HTML that only looks like plain text): "On … wrote:" and its French, German, Spanish…
/// forms, "-----Original Message-----", Outlook's "From: … Sent:" block, forwarded-message
/// banners, and "&gt;" lines. Used for text/plain parts and for the text lines of an HTML part.
/// </summary>
internal static partial class QuoteLines
{
    /// <summary>The first line of the quote; <see cref="AngleQuoted"/> when it is made of "&gt;" lines (so new text may follow it).</summary>
    public readonly record struct QuoteStart(int Index, string Description, bool AngleQuoted);

    /// <summary>Where the quote starts (null when there is none); <paramref name="angleQuotes"/> also looks for "&gt;" lines.</summary>
    public static QuoteStart? Find(IReadOnlyList<string> lines, bool angleQuotes)
    {
        var index = FindStart(lines, angleQuotes, out var description, out var angle);
        return index < 0 ? null : new QuoteStart(index, description, angle);
    }

    private static int FindStart(IReadOnlyList<string> lines, bool angleQuotes, out string description, out bool angle)
    {
        angle = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (angleQuotes && line[0] == '>')
            {
                angle = true;
                var attribution = AttributionBefore(lines, i);
                description = attribution < 0 ? "the quoted lines ('>')" : Describe(Joined(lines, attribution, i)) + " and the quoted lines";
                return attribution < 0 ? i : attribution;
            }
            // Each pattern is tried only on lines that have the character it cannot match without
            // (a leading '-' or '_', a ':' at the end or anywhere): most lines are the author's
            // prose, and a regex call costs more than the look at one character.
            var endsWithColon = line[^1] == ':';
            if (line[0] == '-' && Banner().IsMatch(line)) { description = $"'{line}'"; return i; }
            if (endsWithColon && ForwardIntro().IsMatch(line)) { description = $"'{line}'"; return i; }
            if (line[0] == '_' && Underscores().IsMatch(line) && NextNonBlank(lines, i) is { } header && IsHeaderLine(header))
            {
                description = "the Outlook separator ('____') and its From: block";
                return i;
            }
            if (line.Contains(':') && HeaderFrom().Match(line) is { Success: true } from && SentLabelNear(lines, i) is { } sent)
            {
                description = $"the '{from.Groups[1].Value}: … {sent}:' header";
                return i;
            }
            var wrapped = AttributionStart().IsMatch(line) && i + 1 < lines.Count && Attribution().IsMatch(line + " " + lines[i + 1].Trim());
            if ((endsWithColon && Attribution().IsMatch(line)) || wrapped)
            {
                description = Describe(wrapped ? line + " " + lines[i + 1].Trim() : line);
                // "On … wrote:" over "> " lines: the author may have written below them.
                angle = angleQuotes && NextNonBlank(lines, wrapped ? i + 1 : i) is { } next && next.TrimStart().StartsWith('>');
                return i;
            }
        }
        description = "";
        return -1;
    }

    /// <summary>
    /// True for the line a client writes just above a quote: "On … wrote:", "Am … schrieb X:",
    /// or a date and address ending with a colon (Yandex, mail.ru: "26.06.2014, 14:41, "X" &lt;x@y&gt;:").
    /// </summary>
    public static bool IsAttribution(string line)
    {
        line = line.Trim();
        if (line.Length is < 4 or > 400 || line[^1] != ':') return false;
        return Attribution().IsMatch(line) || ForwardIntro().IsMatch(line) || line.Contains('@') || DateOrTime().IsMatch(line);
    }

    /// <summary>The first line of a quoted message's header block: "From:", "De :", "Von:", "От:", "Date:"…</summary>
    public static bool IsHeaderLine(string line) => line.Contains(':') && (HeaderFrom().IsMatch(line.Trim()) || HeaderSent().IsMatch(line.Trim()));

    public static string Describe(string attribution)
    {
        var verb = Attribution().Match(attribution.Trim()) is { Success: true } m ? m.Groups["verb"].Value.ToLowerInvariant() : "";
        return verb switch
        {
            "wrote" => "'On … wrote:'",
            "a écrit" => "'Le … a écrit :'",
            "schrieb" => "'Am … schrieb …:'",
            "escribió" => "'El … escribió:'",
            "" when ForwardIntro().IsMatch(attribution.Trim()) => $"'{attribution.Trim()}'",
            "" => "the attribution line ('… :')",
            _ => $"'… {verb}:'",
        };
    }

    /// <summary>The index of the attribution line (possibly wrapped over two lines) just above line <paramref name="i"/>, or -1.</summary>
    private static int AttributionBefore(IReadOnlyList<string> lines, int i)
    {
        var j = i - 1;
        while (j >= 0 && lines[j].Trim().Length == 0) j--;
        if (j < 0) return -1;
        if (IsAttribution(lines[j])) return j > 0 && AttributionStart().IsMatch(lines[j - 1].Trim()) && !Attribution().IsMatch(lines[j]) ? j - 1 : j;
        return -1;
    }

    private static string Joined(IReadOnlyList<string> lines, int from, int to) =>
        string.Join(' ', lines.Skip(from).Take(to - from).Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string? NextNonBlank(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
            if (lines[j].Trim().Length > 0) return lines[j];
        return null;
    }

    private static string? SentLabelNear(IReadOnlyList<string> lines, int i)
    {
        if (SentInline().Match(lines[i]) is { Success: true } inline) return inline.Groups[1].Value;
        for (var j = i + 1; j < lines.Count && j <= i + 5; j++)
            if (lines[j] is var line && line.Contains(':') && HeaderSent().Match(line.Trim()) is { Success: true } sent) return sent.Groups[1].Value;
        return null;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Originalnachricht|Mensaje original|Messaggio originale|Mensagem original|Oorspronkelijk bericht|Forwarded message|Forwarded Message|Message transféré|Weitergeleitete Nachricht|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht|Original message)\s*-{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Banner();

    [GeneratedRegex(@"^(Begin forwarded message|Début du message réexpédié|Anfang der weitergeleiteten Nachricht|Inicio del mensaje reenviado|Inizio messaggio inoltrato)\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardIntro();

    [GeneratedRegex(@"^_{20,}$")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op|Em|Den|På)\s.{4,300}?\s(?<verb>wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev)(\s.{0,200})?\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op|Em|Den|På)\s", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}")]
    private static partial Regex DateOrTime();

    [GeneratedRegex(@"^\*?(From|De|Von|Da|Van|От|Från|Fra|Od)\s?:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Envoyé|Gesendet|Enviado el|Enviado|Inviato|Verzonden|Date|Datum|Fecha|Отправлено|Дата|Skickat|Sendt)\s?:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"\s\*?(Sent|Envoyé|Gesendet|Enviado el|Enviado|Inviato|Verzonden|Date|Datum|Fecha)\s?:", RegexOptions.IgnoreCase)]
    private static partial Regex SentInline();
}
