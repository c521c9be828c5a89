using Envoi.Core.Tracking;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Tracking;

/// <summary>Writes batches of clicks (with their daily counters) and signed messages, one transaction per batch.</summary>
public sealed class TrackingStore(EnvoiDbFactory factory) : ITrackingStore
{
    public static int DayOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return utc.Year * 10000 + utc.Month * 100 + utc.Day;
    }

    public async Task AddClicksAsync(IReadOnlyList<Click> clicks, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Clicks.AddRange(clicks.Select(c => new ClickRow
        {
            LinkId = c.LinkId, At = c.At.ToUnixTimeMilliseconds(), Day = DayOf(c.At), Kind = (int)c.Kind, AutomatedReason = c.AutomatedReason,
        }));
        await db.SaveChangesAsync(ct);

        var counts = clicks.GroupBy(c => (Day: DayOf(c.At), c.EmployeeId, c.Signature, c.CampaignId, c.TargetId))
            .Select(g => (g.Key,
                Human: g.LongCount(c => c.Kind == LinkKind.Click && c.AutomatedReason is null),
                Automated: g.LongCount(c => c.Kind == LinkKind.Click && c.AutomatedReason is not null),
                Images: g.LongCount(c => c.Kind == LinkKind.Image)))
            // Always the same order: two nodes adding to the same counters lock them in one order, never in a cycle (deadlock).
            .OrderBy(c => c.Key.Day).ThenBy(c => c.Key.EmployeeId).ThenBy(c => c.Key.Signature, StringComparer.Ordinal)
            .ThenBy(c => c.Key.CampaignId).ThenBy(c => c.Key.TargetId);
        // An upsert both SQLite (3.24+) and PostgreSQL understand: nodes add to the same counters safely.
        foreach (var (key, human, automated, images) in counts)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO click_counts ("Day", "EmployeeId", "Signature", "CampaignId", "TargetId", "Human", "Automated", "Images")
                VALUES ({key.Day}, {key.EmployeeId}, {key.Signature}, {key.CampaignId}, {key.TargetId}, {human}, {automated}, {images})
                ON CONFLICT ("Day", "EmployeeId", "Signature", "CampaignId", "TargetId") DO UPDATE SET
                  "Human" = click_counts."Human" + excluded."Human",
                  "Automated" = click_counts."Automated" + excluded."Automated",
                  "Images" = click_counts."Images" + excluded."Images"
                """, ct);
        await transaction.CommitAsync(ct);
        Envoi.Core.Observability.MailMetrics.ClicksRecorded.Inc(clicks.Count);
    }

    public async Task AddSignedAsync(IReadOnlyList<SignedMessage> signed, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var ids = signed.Select(s => s.MessageId).Distinct().ToList();
        var seen = (await db.SignedMessages.Where(s => ids.Contains(s.MessageId)).Select(s => new { s.MessageId, s.Signature }).ToListAsync(ct))
            .Select(s => (s.MessageId, s.Signature)).ToHashSet();
        foreach (var s in signed)
            if (seen.Add((s.MessageId, s.Signature)))
                db.SignedMessages.Add(new SignedMessageRow { MessageId = s.MessageId, EmployeeId = s.EmployeeId, Signature = s.Signature, CampaignId = s.CampaignId, Day = DayOf(s.At) });
        await db.SaveChangesAsync(ct);
    }
}
