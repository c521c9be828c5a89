using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
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

    public async IAsyncEnumerable<StatsRow> RowsAsync(StatsDimension by, StatsPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        if (by == StatsDimension.Day) throw new ArgumentException("the day view is read with CountsAsync", nameof(by));
        await using var db = factory.Create();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = RowsSql(by, factory.Target.Provider);
        Add(command, "from", period.FromDay);
        Add(command, "to", period.ToDay);
        Add(command, "fromMs", new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
        Add(command, "toMs", new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
            yield return new StatsRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>
    /// One query per view: counters and messages of the period summed per key (a UNION ALL grouped
    /// once, so a key with only clicks or only messages still appears), the label joined, and the
    /// report's order. Upper-casing in byte order is what <see cref="StringComparer.OrdinalIgnoreCase"/> does.
    /// </summary>
    private static string RowsSql(StatsDimension by, DatabaseProvider provider)
    {
        var (column, campaignsOnly, messages, labelJoin, label) = by switch
        {
            StatsDimension.Employee => ("\"EmployeeId\"", false, "SELECT \"EmployeeId\", 1, 0, 0, 0 FROM signed_messages WHERE \"Day\" >= @from AND \"Day\" <= @to",
                "LEFT JOIN employees AS l ON l.\"Id\" = u.k", "l.\"Email\""),
            StatsDimension.Signature => ("\"Signature\"", false, "SELECT \"Signature\", 1, 0, 0, 0 FROM signed_messages WHERE \"Day\" >= @from AND \"Day\" <= @to",
                "", "NULL"),
            StatsDimension.Campaign => ("\"CampaignId\"", true, "SELECT \"CampaignId\", 1, 0, 0, 0 FROM signed_messages WHERE \"Day\" >= @from AND \"Day\" <= @to AND \"CampaignId\" <> 0",
                "LEFT JOIN campaigns AS l ON l.\"Id\" = u.k", "l.\"Name\""),
            // For a link, "messages" is how many messages it was mailed in during the period.
            _ => ("\"TargetId\"", false, "SELECT \"TargetId\", 1, 0, 0, 0 FROM tracked_links WHERE \"CreatedAt\" >= @fromMs AND \"CreatedAt\" < @toMs AND \"Kind\" = 0",
                "LEFT JOIN link_targets AS l ON l.\"Id\" = u.k", "l.\"Url\""),
        };
        var collate = provider == DatabaseProvider.Postgres ? " COLLATE \"C\"" : "";
        return $"""
            SELECT CAST(u.k AS TEXT) AS key, COALESCE({label}, CAST(u.k AS TEXT)) AS label, u.n, u.h, u.a, u.i FROM (
              SELECT k, CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(h) AS BIGINT) AS h, CAST(SUM(a) AS BIGINT) AS a, CAST(SUM(i) AS BIGINT) AS i FROM (
                SELECT {column} AS k, 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts
                 WHERE "Day" >= @from AND "Day" <= @to{(campaignsOnly ? " AND \"CampaignId\" <> 0" : "")}
                UNION ALL
                {messages}
              ) AS x GROUP BY k
            ) AS u {labelJoin}
            ORDER BY u.h DESC, u.n DESC, UPPER(COALESCE({label}, CAST(u.k AS TEXT))){collate}, CAST(u.k AS TEXT){collate}
            """;
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string DayKey(int day) => StatsPeriod.Date(day).ToString("yyyy-MM-dd");

    private static List<int> Ids(Dictionary<string, Counts> clicks, Dictionary<string, long> messages) =>
        clicks.Keys.Union(messages.Keys).Select(k => int.TryParse(k, out var id) ? id : 0).ToList();
}
