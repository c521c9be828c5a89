using System.Text.RegularExpressions;

namespace Envoi.Core.Checks;

/// <summary>
/// Does a text announce an attachment? Phrases in English, French, Spanish, German and Italian
/// ("attached", "enclosed", "ci-joint", "pièce jointe", "en PJ", "je vous joins", "adjunto",
/// "Anhang", "anbei", "allegato"…), unless the sentence negates it ("no attachment", "sans pièce
/// jointe", "ohne Anhang") or uses the word in another sense ("attached to the team", "no strings
/// attached", "director adjunto", "joindre les deux bouts").
/// </summary>
public static partial class AttachmentMention
{
    /// <returns>The phrase that announces an attachment, or null.</returns>
    public static string? Find(string text)
    {
        foreach (var sentence in Sentences().Split(text))
        {
            foreach (Match match in Announce().Matches(sentence))
            {
                var before = sentence[..match.Index];
                var after = sentence[(match.Index + match.Length)..];
                if (Negated(before, match.Value)) continue;
                if (OtherSense(before, match.Value, after)) continue;
                return match.Value;
            }
        }
        return null;
    }

    private static bool Negated(string before, string phrase)
    {
        var window = string.Join(' ', before.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(4));
        return NegationBefore().IsMatch(window) || NegatedPhrase().IsMatch(window + " " + phrase);
    }

    private static bool OtherSense(string before, string phrase, string after)
    {
        var lower = phrase.ToLowerInvariant();
        // "attached to": the file attached to this email (yes) vs attached to the team (no).
        if (lower.StartsWith("attach") && AttachedToSomething().IsMatch(after) && !AttachedToMessage().IsMatch(after)) return true;
        if (lower.StartsWith("attach") && AttachIdiom().IsMatch(phrase + after)) return true;
        if (lower.StartsWith("attached") && StringsBefore().IsMatch(before)) return true;
        // Real-estate sense: an attached garage, bathroom, house.
        if (lower == "attached" && AttachedBuilding().IsMatch(after)) return true;
        // Spanish "adjunto" is also a title: director adjunto, profesor adjunto.
        if (lower.StartsWith("adjunt") && TitleBefore().IsMatch(before)) return true;
        return false;
    }

    [GeneratedRegex(@"(?<=[.!?;\n])\s+|\n+")]
    private static partial Regex Sentences();

    [GeneratedRegex(
        @"(?<!\w)(attach(?:ed|ment|ments|ing)?|enclos(?:ed|ure|ures|ing)|pi[eè]ces?[\s-]+jointes?|ci[\s-]jointe?s?|en\s+PJ|PJ\s*:|(?:je|nous)\s+(?:vous|te)\s+(?:joins|joignons)|(?:je|nous)\s+(?:joins|joignons)|joint(?:e|es|s)?\s+(?:à|a)\s+ce\s+(?:mail|message|courriel)|en\s+annexe|(?:te|le|les|os)\s+adjunt[oa]|adjunt(?:o|a|os|as|amos)|archivos?\s+adjuntos?|anexo|anbei|im\s+Anhang|Anhang|Anhänge|angehängt|beigefügt|anliegend|als\s+Anlage|in\s+der\s+Anlage|in\s+allegato|allegat[oiae])(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Announce();

    [GeneratedRegex(@"\b(no|not|without|nothing|never|don't|didn't|forgot(?:\s+to)?|sans|pas\s+de|aucune?|ni|sin|ningún|ninguna|ohne|kein|keine|keinen|nicht|senza|nessun)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NegationBefore();

    [GeneratedRegex(@"\b(no|without|sans|sin|ohne|kein\w*|senza|pas\s+de)\s+(\w+\s+)?(attachments?|pi[eè]ces?\s+jointes?|adjuntos?|Anhang|allegat\w)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedPhrase();

    [GeneratedRegex(@"^\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttachedToSomething();

    [GeneratedRegex(@"^\s+to\s+(this|the|my|our|that)\s+(e-?mail|message|mail|note|letter|reply|invitation)", RegexOptions.IgnoreCase)]
    private static partial Regex AttachedToMessage();

    [GeneratedRegex(@"^attach\w*\s+(great\s+|much\s+|little\s+|more\s+|no\s+)?(importance|value|weight|significance|meaning|conditions)", RegexOptions.IgnoreCase)]
    private static partial Regex AttachIdiom();

    [GeneratedRegex(@"^\s+(garage|bathroom|bath|house|home|unit|building|shed|room|patio|carport|cottage)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttachedBuilding();

    [GeneratedRegex(@"\bstrings\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StringsBefore();

    [GeneratedRegex(@"\b(director|directora|profesor|profesora|secretario|secretaria|jefe|jefa|gerente|subdirector)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleBefore();
}
