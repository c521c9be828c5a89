using Envoi.Core.Tracking.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Tracking;

/// <summary>
/// Reads the daily counters (<c>click_counts</c>) and signed messages grouped by one dimension:
/// a period's query touches one row per day and key, never the raw clicks.
/// </summary>
public sealed class StatisticsStore(EnvoiDbFactory factory) : IStatisticsStore
{
    private sealed record Counts(long Human, long Automated, long Images);

    public async Task<IReadOnlyList<StatsRow>> CountsAsync(StatsDimension by, StatsPeriod period, CancellationToken ct)
    {
        int from = period.FromDay, to = period.ToDay;
        await using var db = factory.Create();
        var counts = db.ClickCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to);
        var signed = db.SignedMessages.AsNoTracking().Where(s => s.Day >= from && s.Day <= to);
        Dictionary<string, Counts> clicks;
        Dictionary<string, long> messages;
        Dictionary<string, string> labels = [];
        switch (by)
        {
            case StatsDimension.Day:
                clicks = (await counts.GroupBy(c => c.Day).Select(g => new { g.Key, H = g.Sum(c => c.Human), A = g.Sum(c => c.Automated), I = g.Sum(c => c.Images) }).ToListAsync(ct))
                    .ToDictionary(g => DayKey(g.Key), g => new Counts(g.H, g.A, g.I));
                messages = (await signed.GroupBy(s => s.Day).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).ToDictionary(g => DayKey(g.Key), g => g.N);
                break;
            case StatsDimension.Employee:
                clicks = (await counts.GroupBy(c => c.EmployeeId).Select(g => new { g.Key, H = g.Sum(c => c.Human), A = g.Sum(c => c.Automated), I = g.Sum(c => c.Images) }).ToListAsync(ct))
                    .ToDictionary(g => g.Key.ToString(), g => new Counts(g.H, g.A, g.I));
                messages = (await signed.GroupBy(s => s.EmployeeId).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).ToDictionary(g => g.Key.ToString(), g => g.N);
                var employeeIds = Ids(clicks, messages);
                labels = (await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id)).Select(e => new { e.Id, e.Email }).ToListAsync(ct)).ToDictionary(e => e.Id.ToString(), e => e.Email);
                break;
            case StatsDimension.Signature:
                clicks = (await counts.GroupBy(c => c.Signature).Select(g => new { g.Key, H = g.Sum(c => c.Human), A = g.Sum(c => c.Automated), I = g.Sum(c => c.Images) }).ToListAsync(ct))
                    .ToDictionary(g => g.Key, g => new Counts(g.H, g.A, g.I));
                messages = (await signed.GroupBy(s => s.Signature).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.N);
                break;
            case StatsDimension.Campaign:
                clicks = (await counts.Where(c => c.CampaignId != 0).GroupBy(c => c.CampaignId).Select(g => new { g.Key, H = g.Sum(c => c.Human), A = g.Sum(c => c.Automated), I = g.Sum(c => c.Images) }).ToListAsync(ct))
                    .ToDictionary(g => g.Key.ToString(), g => new Counts(g.H, g.A, g.I));
                messages = (await signed.Where(s => s.CampaignId != 0).GroupBy(s => s.CampaignId).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).ToDictionary(g => g.Key.ToString(), g => g.N);
                var campaignIds = Ids(clicks, messages);
                labels = (await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).ToDictionary(c => c.Id.ToString(), c => c.Name);
                break;
            default:
                clicks = (await counts.GroupBy(c => c.TargetId).Select(g => new { g.Key, H = g.Sum(c => c.Human), A = g.Sum(c => c.Automated), I = g.Sum(c => c.Images) }).ToListAsync(ct))
                    .ToDictionary(g => g.Key.ToString(), g => new Counts(g.H, g.A, g.I));
                // For a link, "messages" is how many messages it was mailed in during the period.
                long fromMs = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
                long toMs = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
                messages = (await db.TrackedLinks.AsNoTracking().Where(l => l.CreatedAt >= fromMs && l.CreatedAt < toMs && l.Kind == 0)
                    .GroupBy(l => l.TargetId).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).ToDictionary(g => g.Key.ToString(), g => g.N);
                var targetIds = Ids(clicks, messages).Select(i => (long)i).ToList();
                labels = (await db.LinkTargets.AsNoTracking().Where(t => targetIds.Contains(t.Id)).Select(t => new { t.Id, t.Url }).ToListAsync(ct)).ToDictionary(t => t.Id.ToString(), t => t.Url);
                break;
        }
        return clicks.Keys.Union(messages.Keys).Select(key =>
        {
            var c = clicks.GetValueOrDefault(key) ?? new Counts(0, 0, 0);
            return new StatsRow(key, labels.GetValueOrDefault(key) ?? key, messages.GetValueOrDefault(key), c.Human, c.Automated, c.Images);
        }).ToList();
    }

    private static string DayKey(int day) => StatsPeriod.Date(day).ToString("yyyy-MM-dd");

    private static List<int> Ids(Dictionary<string, Counts> clicks, Dictionary<string, long> messages) =>
        clicks.Keys.Union(messages.Keys).Select(k => int.TryParse(k, out var id) ? id : 0).ToList();
}
