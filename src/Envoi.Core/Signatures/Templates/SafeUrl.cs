namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Which URLs a signature may link to. Directory values are typed by people, so a profile URL may
/// lack its scheme ("linkedin.com/in/ana") or be hostile ("javascript:…"): the first gets
/// <c>https://</c>, the second is refused. An allow-list, so no obfuscation of a scheme gets through.
/// </summary>
public static class SafeUrl
{
    /// <returns>An absolute http(s) URL, or null when <paramref name="value"/> cannot be one.</returns>
    public static string? Web(string? value)
    {
        var url = value?.Trim() ?? "";
        if (url.Length == 0 || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"')) return null;
        if (url.StartsWith("//", StringComparison.Ordinal)) url = "https:" + url;
        else if (!url.Contains("://", StringComparison.Ordinal))
        {
            // A bare host ("example.com/page") is taken as https; anything else with a colon before
            // the first dot or slash is some other scheme ("javascript:", "data:") and is refused.
            var colon = url.IndexOf(':');
            var firstBreak = url.IndexOfAny(['/', '.']);
            if (colon >= 0 && (firstBreak < 0 || colon < firstBreak)) return null;
            if (!url.Contains('.')) return null;
            url = "https://" + url;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? url : null;
    }

    /// <summary>
    /// Whether a URL already in the rendered HTML may stay in an href or src: http(s), mailto:,
    /// tel: and cid: (embedded images). Everything else (javascript:, data:, relative paths that
    /// mean nothing in a mail client) is removed by <see cref="HtmlFinisher"/>.
    /// </summary>
    public static bool IsAllowedInMarkup(string value)
    {
        var url = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase);
    }
}
