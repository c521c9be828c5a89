namespace Envoi.Core.Tracking.Statistics;

/// <summary>
/// The statistics views the API and the export both use, so their numbers cannot differ: rows of a
/// dimension for a period, filtered by a name search, with totals; the day view lists every day.
/// </summary>
public sealed class StatisticsService(IStatisticsStore store, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<StatsReport> ReportAsync(StatsDimension by, StatsPeriod period, string? query, CancellationToken ct)
    {
        IEnumerable<StatsRow> rows = await store.CountsAsync(by, period, ct);
        if (by == StatsDimension.Day)
        {
            var byDay = rows.ToDictionary(r => r.Key);
            rows = period.Days().Select(d => d.ToString("yyyy-MM-dd")).Select(k => byDay.GetValueOrDefault(k) ?? new StatsRow(k, k, 0, 0, 0, 0));
        }
        else
            rows = rows.OrderByDescending(r => r.HumanClicks).ThenByDescending(r => r.MessagesSigned).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase);
        var q = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (q is not null) rows = rows.Where(r => r.Label.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Key.Contains(q, StringComparison.OrdinalIgnoreCase));
        var list = rows.ToList();
        return new StatsReport(period, by, q, StatsRow.Sum("total", "Total", list), list);
    }
}
