using Envoi.Core.Checks;
using Envoi.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Queue;

/// <summary>
/// The domains the organization has really written to in the last 180 days (relayed recipients),
/// which the look-alike check compares new recipients with. Cached for ten minutes.
/// </summary>
public sealed class RelayedDomains(EnvoiDbFactory factory, TimeProvider clock) : IKnownDomains
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private (IReadOnlyCollection<string> Domains, DateTimeOffset Until) _cache = ([], DateTimeOffset.MinValue);

    public async Task<IReadOnlyCollection<string>> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.Until > now) return _cache.Domains;
        var since = now.AddDays(-180).ToUnixTimeMilliseconds();
        await using var db = factory.Create();
        var addresses = await db.Recipients.AsNoTracking()
            .Where(r => r.Status == RecipientStatus.Relayed && r.UpdatedAt >= since)
            .Select(r => r.Address).Distinct().Take(200_000).ToListAsync(ct);
        var domains = addresses.Select(a => a[(a.LastIndexOf('@') + 1)..].ToLowerInvariant()).ToHashSet();
        _cache = (domains, now + CacheFor);
        return domains;
    }
}
