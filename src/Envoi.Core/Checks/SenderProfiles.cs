using System.Collections.Concurrent;
using Envoi.Core.Directory;

namespace Envoi.Core.Checks;

/// <summary>
/// The sender's directory groups and preferred language, which the send-safety policy and its
/// sentences depend on; kept for a minute so a burst of messages costs one directory look-up.
/// </summary>
public sealed class SenderProfiles(IDirectoryStore directory, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (SenderProfile Profile, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SenderProfile> GetAsync(string sender, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(sender, out var cached) && cached.Until > now) return cached.Profile;
        var profile = SenderProfile.Unknown;
        if (sender.Length > 0 && await directory.FindAsync(sender, ct) is { } employee)
        {
            var overrides = await directory.OverridesAsync(employee.Id, ct);
            var language = overrides.GetValueOrDefault(StandardAttributes.PreferredLanguage)?.Value ?? employee[StandardAttributes.PreferredLanguage];
            profile = new SenderProfile(employee.Groups, language);
        }
        if (_cache.Count > 10_000) _cache.Clear();
        _cache[sender] = (profile, now + KeepFor);
        return profile;
    }
}

public sealed record SenderProfile(IReadOnlyList<string> Groups, string? Language)
{
    public static readonly SenderProfile Unknown = new([], null);
}
