namespace Envoi.Core.Tracking;

/// <summary>Adds a campaign's UTM parameters to a target URL, keeping any the link already sets.</summary>
public static class Utm
{
    public static string Append(string url, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Count == 0) return url;
        var fragmentAt = url.IndexOf('#');
        var (beforeFragment, fragment) = fragmentAt < 0 ? (url, "") : (url[..fragmentAt], url[fragmentAt..]);
        var queryAt = beforeFragment.IndexOf('?');
        var existing = queryAt < 0 ? "" : beforeFragment[(queryAt + 1)..];
        var present = existing.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = parameters.Where(p => !present.Contains(p.Key)).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        if (added.Count == 0) return url;
        var separator = queryAt < 0 ? "?" : existing.Length == 0 || existing.EndsWith('&') ? "" : "&";
        return beforeFragment + separator + string.Join('&', added) + fragment;
    }
}
