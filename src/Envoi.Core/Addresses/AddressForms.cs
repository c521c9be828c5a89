using System.Globalization;

namespace Envoi.Core.Addresses;

/// <summary>
/// An internationalized domain has two spellings, the U-label (<c>exämple.de</c>) and the A-label
/// (<c>xn--exmple-cua.de</c>, RFC 5890), and a mailbox is the same whichever a client used. Lookups
/// (users, employees, aliases) therefore try every form; the address itself is stored and relayed
/// exactly as it was sent.
/// </summary>
public static class AddressForms
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <returns>The address lower-cased, then with its domain as A-label and as U-label where those differ.</returns>
    public static IReadOnlyList<string> Of(string address)
    {
        var normalized = address.Trim().ToLowerInvariant();
        var at = normalized.LastIndexOf('@');
        if (at <= 0 || AsciiDomain(normalized[(at + 1)..]) is not { } ascii) return [normalized];
        var local = normalized[..at];
        string[] forms = [normalized, $"{local}@{ascii}", $"{local}@{Idn.GetUnicode(ascii)}"];
        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether two spellings name one mailbox (case and the domain's form aside).</summary>
    public static bool Same(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || Of(a).Intersect(Of(b), StringComparer.Ordinal).Any();

    /// <summary>Whether two domain names are one, whichever form (U-label or A-label) each is written in.</summary>
    public static bool SameDomain(string a, string b) =>
        string.Equals(AsciiDomain(a) ?? a, AsciiDomain(b) ?? b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The A-label form of <paramref name="domain"/>, or null when it is not a valid (internationalized) domain name.</summary>
    public static string? AsciiDomain(string domain)
    {
        if (domain.Length == 0) return null;
        try
        {
            return Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the domain is written (in part) with non-ASCII letters or as an A-label.</summary>
    public static bool IsInternationalDomain(string domain) =>
        !System.Text.Ascii.IsValid(domain) || domain.Split('.').Any(l => l.StartsWith("xn--", StringComparison.OrdinalIgnoreCase));
}
