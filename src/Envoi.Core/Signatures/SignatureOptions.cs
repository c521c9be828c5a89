namespace Envoi.Core.Signatures;

/// <summary>The <c>Signatures</c> configuration section.</summary>
public sealed class SignatureOptions
{
    /// <summary>Turns the signature stage off entirely (a gateway used only for send safety).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Domains whose recipients are colleagues. Empty: those of <c>Checks:InternalDomains</c>, else the
    /// sender's own domain.
    /// </summary>
    public List<string> InternalDomains { get; set; } = [];

    /// <summary>
    /// When the recipients of one message call for different signatures (colleagues and customers, two
    /// languages), relay one copy per signature, each to its own recipients. Off: one signature,
    /// chosen for the recipients as a whole.
    /// </summary>
    public bool SplitByRecipient { get; set; } = true;

    /// <summary>Known languages of external domains (<c>"client.de": "de"</c>), before the country-code guess.</summary>
    public Dictionary<string, string> DomainLanguages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Country for phone numbers written without a country code (ISO 3166, "FR").</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>How long a node may use templates and rules it read before reading them again (changes made on this node apply at once).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
