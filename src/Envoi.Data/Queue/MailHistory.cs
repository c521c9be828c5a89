using System.Collections.Concurrent;
using Envoi.Core.Addresses;
using Envoi.Core.Checks;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Queue;

/// <summary>
/// What relayed mail says about whom the organization writes to (last 180 days): the domains, for
/// the look-alike check, and each sender's contacts with how often they were written to, for the
/// first-time-recipient check. Cached for <see cref="CheckOptions.HistoryCacheDuration"/>.
/// </summary>
public sealed class MailHistory(EnvoiDbFactory factory, CheckOptions options, TimeProvider clock) : IMailHistory
{
    private TimeSpan CacheFor => options.HistoryCacheDuration;
    private (IReadOnlyCollection<string> Domains, DateTimeOffset Until) _domains = ([], DateTimeOffset.MinValue);
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, int> Contacts, DateTimeOffset Until)> _contacts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyCollection<string>> KnownDomainsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_domains.Until > now) return _domains.Domains;
        await using var db = factory.Create();
        var addresses = await Relayed(db, now).Select(r => r.Address).Distinct().Take(200_000).ToListAsync(ct);
        var domains = addresses.Select(AddressSyntax.DomainOf).ToHashSet();
        _domains = (domains, now + CacheFor);
        return domains;
    }

    public async Task<IReadOnlyDictionary<string, int>> ContactsOfAsync(string sender, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_contacts.TryGetValue(sender, out var cached) && cached.Until > now) return cached.Contacts;
        await using var db = factory.Create();
        var counts = await (from r in Relayed(db, now)
                            join m in db.Messages on r.MessageId equals m.Id
                            where m.Sender == sender
                            group r by r.Address into g
                            select new { Address = g.Key, Count = g.Count() }).Take(10_000).ToListAsync(ct);
        IReadOnlyDictionary<string, int> contacts = counts.ToDictionary(c => c.Address.ToLowerInvariant(), c => c.Count, StringComparer.OrdinalIgnoreCase);
        if (_contacts.Count > 10_000) _contacts.Clear();
        _contacts[sender] = (contacts, now + CacheFor);
        return contacts;
    }

    private static IQueryable<Schema.RecipientRow> Relayed(Schema.EnvoiDb db, DateTimeOffset now)
    {
        var since = now.AddDays(-180).ToUnixTimeMilliseconds();
        return db.Recipients.AsNoTracking().Where(r => r.Status == RecipientStatus.Relayed && r.UpdatedAt >= since);
    }
}
