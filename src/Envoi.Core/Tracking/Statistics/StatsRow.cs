namespace Envoi.Core.Tracking.Statistics;

/// <summary>
/// One line of a view. <see cref="MessagesSigned"/> is, for a link, the number of messages it was
/// mailed in. Click rate is human clicks per signed message (automated clicks never count).
/// </summary>
public sealed record StatsRow(string Key, string Label, long MessagesSigned, long HumanClicks, long AutomatedClicks, long ImageLoads)
{
    public double ClickRate => MessagesSigned == 0 ? 0 : Math.Round((double)HumanClicks / MessagesSigned, 4);

    public static StatsRow Sum(string key, string label, IEnumerable<StatsRow> rows)
    {
        long signed = 0, human = 0, automated = 0, images = 0;
        foreach (var r in rows) { signed += r.MessagesSigned; human += r.HumanClicks; automated += r.AutomatedClicks; images += r.ImageLoads; }
        return new StatsRow(key, label, signed, human, automated, images);
    }
}

public sealed record StatsReport(StatsPeriod Period, StatsDimension By, string? Query, StatsRow Totals, IReadOnlyList<StatsRow> Rows);

/// <summary>Counts per key of one dimension for a period, with the label people search by.</summary>
public interface IStatisticsStore
{
    Task<IReadOnlyList<StatsRow>> CountsAsync(StatsDimension by, StatsPeriod period, CancellationToken ct);

    /// <summary>
    /// The rows of a detailed view (employee, signature, campaign, link) as the database returns them,
    /// already in report order: human clicks, then messages signed, descending; then the label
    /// (case-insensitive, ordinal) and the key. Nothing is held in memory, so an export of a million
    /// rows costs what one row costs.
    /// </summary>
    IAsyncEnumerable<StatsRow> RowsAsync(StatsDimension by, StatsPeriod period, CancellationToken ct);
}
