namespace Envoi.Core.Signatures.Rules;

/// <summary>
/// Domain patterns as admins write them: <c>example.com</c> (that domain only), <c>*.example.com</c>
/// (its subdomains and itself), <c>*.de</c> (a whole TLD), <c>*</c> (anything).
/// </summary>
public static class DomainPattern
{
    public static bool Matches(string pattern, string domain)
    {
        pattern = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (pattern == "*") return true;
        if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return pattern == domain;
        var parent = pattern[2..];
        return domain == parent || domain.EndsWith("." + parent, StringComparison.Ordinal);
    }

    /// <summary>Why a pattern is unusable, or null: caught when rules are saved, not when mail flows.</summary>
    public static string? Problem(string pattern)
    {
        var p = pattern.Trim();
        if (p == "*") return null;
        var rest = p.StartsWith("*.", StringComparison.Ordinal) ? p[2..] : p;
        if (rest.Length == 0 || rest.Contains('*') || rest.Contains('@') || rest.Any(char.IsWhiteSpace) || rest.StartsWith('.') || rest.Contains(".."))
            return $"'{pattern}' is not a domain pattern (use example.com, *.example.com or *.de)";
        return null;
    }
}
