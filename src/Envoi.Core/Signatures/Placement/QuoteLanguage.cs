using System.Text.Json;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// How the mail clients of one language introduce a quoted thread, as written in
/// <c>Languages/&lt;code&gt;.json</c>: plain phrases, no regular expressions, so a contributor adds or
/// fixes a language by editing a table. <c>*</c> in a mobile sign-off stands for any short run of
/// words ("Sent from my *"). Spaces match any space, no-break spaces included.
/// </summary>
internal sealed record QuoteLanguage
{
    public string Language { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Words an attribution line opens with: "On", "Le", "Am", "Il giorno".</summary>
    public IReadOnlyList<string> AttributionStarts { get; init; } = [];
    /// <summary>The verb of "On … wrote:": "wrote", "a écrit", "schrieb", "napisał(a)", "写道".</summary>
    public IReadOnlyList<string> AttributionVerbs { get; init; } = [];
    /// <summary>The words between dashes: "Original Message", "Oprindelig besked".</summary>
    public IReadOnlyList<string> Separators { get; init; } = [];
    /// <summary>A line of its own ending with a colon: "Begin forwarded message".</summary>
    public IReadOnlyList<string> ForwardIntros { get; init; } = [];
    public QuoteHeaderLabels Headers { get; init; } = new();
    public IReadOnlyList<string> MobileSignOffs { get; init; } = [];

    /// <summary>Every table embedded in this assembly, by language code.</summary>
    public static IReadOnlyList<QuoteLanguage> All { get; } = Load();

    private static List<QuoteLanguage> Load()
    {
        var assembly = typeof(QuoteLanguage).Assembly;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var languages = new List<QuoteLanguage>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Envoi.QuoteLanguages.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var language = JsonSerializer.Deserialize<QuoteLanguage>(stream, options)
                ?? throw new InvalidOperationException($"{name}: empty quote language table");
            languages.Add(language);
        }
        return languages;
    }
}

/// <summary>The labels of a quoted message's header block in one language ("From:", "Sent:"…), by role.</summary>
internal sealed record QuoteHeaderLabels
{
    public IReadOnlyList<string> From { get; init; } = [];
    public IReadOnlyList<string> Sent { get; init; } = [];
    public IReadOnlyList<string> To { get; init; } = [];
    public IReadOnlyList<string> Cc { get; init; } = [];
    public IReadOnlyList<string> Subject { get; init; } = [];
}
