using System.Runtime.CompilerServices;

namespace Envoi.Core.Tracking.Statistics;

/// <summary>
/// The statistics views the API and the export both use, so their numbers cannot differ: rows of a
/// dimension for a period, filtered by a name search, with totals; the day view lists every day.
/// The detailed views come from the store already sorted, so the export can stream them.
/// </summary>
public sealed class StatisticsService(IStatisticsStore store, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<StatsReport> ReportAsync(StatsDimension by, StatsPeriod period, string? query, CancellationToken ct)
    {
        var list = new List<StatsRow>();
        await foreach (var row in RowsAsync(by, period, query, ct)) list.Add(row);
        return new StatsReport(period, by, Query(query), StatsRow.Sum("total", "Total", list), list);
    }

    /// <summary>The rows of <see cref="ReportAsync"/>, one at a time (for exports of any size).</summary>
    public async IAsyncEnumerable<StatsRow> RowsAsync(StatsDimension by, StatsPeriod period, string? query, [EnumeratorCancellation] CancellationToken ct)
    {
        var q = Query(query);
        if (by == StatsDimension.Day)
        {
            var byDay = (await store.CountsAsync(by, period, ct)).ToDictionary(r => r.Key);
            foreach (var key in period.Days().Select(d => d.ToString("yyyy-MM-dd")))
            {
                var row = byDay.GetValueOrDefault(key) ?? new StatsRow(key, key, 0, 0, 0, 0);
                if (Matches(row, q)) yield return row;
            }
            yield break;
        }
        await foreach (var row in store.RowsAsync(by, period, ct))
            if (Matches(row, q)) yield return row;
    }

    private static string? Query(string? query) => string.IsNullOrWhiteSpace(query) ? null : query.Trim();

    private static bool Matches(StatsRow row, string? q) =>
        q is null || row.Label.Contains(q, StringComparison.OrdinalIgnoreCase) || row.Key.Contains(q, StringComparison.OrdinalIgnoreCase);
}
