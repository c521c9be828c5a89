namespace Envoi.Mail.Dkim;

/// <summary>
/// The DNS record that publishes a DKIM public key (RFC 6376 §3.6.1), in zone-file syntax ready to
/// paste: <c>s1._domainkey.example.com. IN TXT ( "v=DKIM1; k=rsa; " "p=MIIB…" )</c>.
/// </summary>
public static class DkimTxtRecord
{
    /// <summary>One character-string in a TXT record holds at most 255 octets (RFC 1035 §3.3).</summary>
    public const int MaxStringLength = 255;

    public static string Name(string domain, string selector) => $"{selector}._domainkey.{domain}.";

    /// <summary>The record's value as the strings DNS stores; verifiers join them without separators.</summary>
    public static IReadOnlyList<string> Strings(string keyType, string publicKeyBase64)
    {
        var strings = new List<string> { $"v=DKIM1; k={keyType}; " };
        var key = "p=" + publicKeyBase64;
        for (var at = 0; at < key.Length; at += MaxStringLength)
            strings.Add(key.Substring(at, Math.Min(MaxStringLength, key.Length - at)));
        return strings;
    }

    public static string Format(string domain, string selector, string keyType, string publicKeyBase64) =>
        $"{Name(domain, selector)} IN TXT ( {string.Join(' ', Strings(keyType, publicKeyBase64).Select(s => $"\"{s}\""))} )";
}
