namespace Envoi.Core.Signatures;

/// <summary>
/// The language an external recipient probably reads: configured per domain, else guessed from a
/// country-code TLD whose country has one main language. Generic TLDs (.com, .org) and
/// multilingual countries (.be, .ch, .ca) give no guess, and the sender's language applies.
/// </summary>
public static class RecipientLanguage
{
    private static readonly Dictionary<string, string> ByCountryCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fr"] = "fr", ["de"] = "de", ["at"] = "de", ["es"] = "es", ["mx"] = "es", ["ar"] = "es", ["co"] = "es", ["cl"] = "es",
        ["it"] = "it", ["nl"] = "nl", ["pt"] = "pt", ["br"] = "pt", ["pl"] = "pl", ["se"] = "sv", ["dk"] = "da", ["no"] = "nb",
        ["fi"] = "fi", ["jp"] = "ja", ["cn"] = "zh", ["cz"] = "cs", ["gr"] = "el", ["hu"] = "hu", ["ro"] = "ro", ["tr"] = "tr",
        ["uk"] = "en", ["ie"] = "en", ["au"] = "en", ["nz"] = "en", ["us"] = "en",
    };

    public static string? Guess(string domain, IReadOnlyDictionary<string, string> configured)
    {
        domain = domain.TrimEnd('.').ToLowerInvariant();
        for (var parent = domain; parent.Length > 0; parent = parent.IndexOf('.') is var dot and >= 0 ? parent[(dot + 1)..] : "")
            if (configured.TryGetValue(parent, out var language)) return language;
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        return ByCountryCode.GetValueOrDefault(tld);
    }
}
