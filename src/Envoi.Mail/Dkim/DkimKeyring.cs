using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Dkim;

/// <summary>
/// The keys loaded at start-up, by domain. Loaded once: a key added with <c>envoi dkim keygen</c>
/// signs after the next restart, which also leaves time to publish its DNS record first.
/// </summary>
public sealed class DkimKeyring
{
    private readonly Dictionary<string, DkimKey[]> _byDomain;

    public DkimKeyring(DkimKeyStore store, DkimOptions options, ILogger<DkimKeyring> logger)
    {
        var problems = new List<string>();
        var keys = options.Enabled ? store.List(problems) : [];
        foreach (var problem in problems) logger.LogError("DKIM key skipped: {Problem}", problem);
        _byDomain = keys.GroupBy(k => k.Domain, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        foreach (var (domain, domainKeys) in _byDomain)
            logger.LogInformation("DKIM: signing mail from {Domain} with {Keys}", domain, string.Join(", ", domainKeys.Select(k => $"{k.Selector} ({k.Description})")));
        if (!options.Enabled) logger.LogInformation("DKIM: signing is switched off (Dkim:Enabled=false)");
    }

    public bool IsEmpty => _byDomain.Count == 0;

    /// <summary>
    /// The keys for <paramref name="domain"/> or, failing that, for its closest parent that has
    /// keys: DMARC's relaxed alignment accepts <c>d=example.com</c> for mail from
    /// <c>news.example.com</c>, so one key can serve a whole organization.
    /// </summary>
    public IReadOnlyList<DkimKey> For(string domain)
    {
        if (IsEmpty || string.IsNullOrEmpty(domain)) return [];
        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(domain.TrimEnd('.'));
        }
        catch (ArgumentException)
        {
            return [];
        }
        for (var name = ascii; name.Contains('.'); name = name[(name.IndexOf('.') + 1)..])
            if (_byDomain.TryGetValue(name, out var keys)) return keys;
        return [];
    }
}
