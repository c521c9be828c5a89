namespace Envoi.Mail.Dkim;

/// <summary>
/// What a signing domain and a selector may look like. Both become DNS names
/// (<c>selector._domainkey.domain</c>) and file names (<c>DATA/dkim/domain/selector.pem</c>), so
/// only ASCII letters, digits and hyphens between dots are accepted: that keeps path tricks
/// (<c>../</c>, <c>/</c>) out by construction, and an internationalized domain must be given in
/// its <c>xn--</c> form, which is what DNS holds anyway.
/// </summary>
public static class DkimNames
{
    /// <returns>Why <paramref name="domain"/> cannot be a signing domain, or null.</returns>
    public static string? WhyInvalidDomain(string? domain)
    {
        if (string.IsNullOrWhiteSpace(domain)) return "a domain is required (--domain example.com)";
        if (!domain.Contains('.')) return $"'{domain}' is not a domain name (it needs at least one dot)";
        return WhyInvalidName(domain, "domain") is { } why ? why : domain.Length > 253 ? $"the domain '{domain}' is longer than 253 characters" : null;
    }

    /// <returns>Why <paramref name="selector"/> cannot be a selector, or null.</returns>
    public static string? WhyInvalidSelector(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector)) return "a selector is required (--selector s1, for example)";
        // RFC 6376 allows dotted selectors; a dot would make file names ambiguous to read, not unsafe.
        return WhyInvalidName(selector, "selector");
    }

    private static string? WhyInvalidName(string name, string what)
    {
        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0) return $"the {what} '{name}' has an empty label (two dots in a row, or a dot at an end)";
            if (label.Length > 63) return $"the {what} '{name}' has a label longer than 63 characters";
            if (label.StartsWith('-') || label.EndsWith('-')) return $"the {what} '{name}' has a label that starts or ends with '-'";
            if (label.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
                return $"the {what} '{name}' may contain only letters, digits, '-' and '.' (write an internationalized domain in its xn-- form)";
        }
        return null;
    }
}
