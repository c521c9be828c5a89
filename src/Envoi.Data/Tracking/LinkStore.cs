using Envoi.Core.Tracking;
using Envoi.Data.Schema;
using Envoi.Data.Tracking.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Envoi.Data.Tracking;

/// <summary>
/// The link table: created at release (a few rows per message), read by the redirect. A new click
/// link adds one to its target's "messages it was mailed in" in the same transaction.
/// </summary>
public sealed class LinkStore(EnvoiDbFactory factory) : ILinkStore
{
    public async Task<IReadOnlyList<long>> EnsureAsync(IReadOnlyList<NewLink> links, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            return await TryEnsureAsync(links, at, ct);
        }
        catch (DbUpdateException)
        {
            // Another node created one of the rows between our read and our insert: read again.
            return await TryEnsureAsync(links, at, ct);
        }
    }

    private async Task<IReadOnlyList<long>> TryEnsureAsync(IReadOnlyList<NewLink> links, DateTimeOffset at, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var urls = links.Select(l => l.Url).Distinct().ToList();
        var targets = await db.LinkTargets.Where(t => urls.Contains(t.Url)).ToDictionaryAsync(t => t.Url, ct);
        foreach (var url in urls.Where(u => !targets.ContainsKey(u)))
            db.LinkTargets.Add(targets[url] = new LinkTargetRow { Url = url });
        await db.SaveChangesAsync(ct);

        var messageIds = links.Select(l => l.MessageId).Distinct().ToList();
        var existing = await db.TrackedLinks.Where(l => messageIds.Contains(l.MessageId)).ToListAsync(ct);
        var ids = new List<TrackedLinkRow>(links.Count);
        var rollups = new RollupChanges();
        foreach (var link in links)
        {
            var targetId = targets[link.Url].Id;
            var row = existing.FirstOrDefault(r => r.MessageId == link.MessageId && r.Signature == link.Signature && r.Kind == (int)link.Kind && r.TargetId == targetId);
            if (row is null)
            {
                row = new TrackedLinkRow
                {
                    MessageId = link.MessageId, EmployeeId = link.EmployeeId, Signature = link.Signature, CampaignId = link.CampaignId,
                    Kind = (int)link.Kind, TargetId = targetId, CreatedAt = at.ToUnixTimeMilliseconds(),
                };
                db.TrackedLinks.Add(row);
                existing.Add(row);
                if (link.Kind == LinkKind.Click) rollups.AddMailedLink(TrackingStore.DayOf(at), targetId);
            }
            ids.Add(row);
        }
        await db.SaveChangesAsync(ct);
        await rollups.WriteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), factory.Target.Provider, ct);
        await transaction.CommitAsync(ct);
        return ids.Select(r => r.Id).ToList();
    }

    public async Task<TrackedLink?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = factory.Create();
        var found = await (from l in db.TrackedLinks.AsNoTracking()
                           join t in db.LinkTargets.AsNoTracking() on l.TargetId equals t.Id
                           where l.Id == id
                           select new { Link = l, t.Url }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var l2 = found.Link;
        return new TrackedLink(l2.Id, l2.MessageId, l2.EmployeeId, l2.Signature, l2.CampaignId, (LinkKind)l2.Kind, found.Url, l2.TargetId, DateTimeOffset.FromUnixTimeMilliseconds(l2.CreatedAt));
    }
}
