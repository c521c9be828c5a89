namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Everything a signature template may show about one sender: their address, their effective
/// directory values (standard and custom attribute names, as in <see cref="Directory.StandardAttributes"/>),
/// their groups, and what the organization's links are built from.
/// </summary>
/// <param name="PublicBaseUrl">Where Envoi is reachable from the Internet, e.g. <c>https://envoi.example.com</c>; assets are served under <c>{PublicBaseUrl}/assets/</c>.</param>
/// <param name="DefaultRegion">ISO 3166 country used to read national phone numbers (<c>01 23 45 67 89</c> with <c>FR</c>).</param>
/// <param name="VCardUrl">Where the sender's vCard can be downloaded, when the organization serves one.</param>
public sealed record SignatureModel(
    string Email,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Groups,
    string PublicBaseUrl,
    string DefaultRegion,
    string? VCardUrl = null)
{
    /// <summary>The trimmed value of an attribute, or empty when the sender has none (names are case-insensitive, like Liquid's).</summary>
    public string Value(string attribute)
    {
        if (Attributes.TryGetValue(attribute, out var exact)) return exact?.Trim() ?? "";
        foreach (var (name, value) in Attributes)
            if (string.Equals(name, attribute, StringComparison.OrdinalIgnoreCase)) return value?.Trim() ?? "";
        return "";
    }

    /// <summary>The base URL without its trailing slash, so links never carry a double slash.</summary>
    public string BaseUrl => PublicBaseUrl.TrimEnd('/');

    /// <summary>The two-letter language of the sender's helper labels ("Book a meeting"…), English by default.</summary>
    public string Language => Value(Directory.StandardAttributes.PreferredLanguage) is { Length: >= 2 } language
        ? language.Split('-', '_')[0].ToLowerInvariant()
        : "en";
}
