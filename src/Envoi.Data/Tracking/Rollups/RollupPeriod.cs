using Envoi.Core.Tracking.Statistics;

namespace Envoi.Data.Tracking.Rollups;

/// <summary>
/// A period as the rollups read it: the whole calendar months inside it from the monthly tables,
/// the days before and after them from the daily ones. A year is then ~12 rows per key plus up to
/// two partial months of days. An empty range has its start after its end.
/// </summary>
internal sealed record RollupPeriod(int HeadFrom, int HeadTo, int FromMonth, int ToMonth, int TailFrom, int TailTo)
{
    public static RollupPeriod Of(StatsPeriod period)
    {
        var firstWhole = period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1);
        var afterLastWhole = new DateOnly(period.To.Year, period.To.Month, 1);
        if (period.To.AddDays(1).Day == 1) afterLastWhole = afterLastWhole.AddMonths(1);
        if (firstWhole >= afterLastWhole)
            return new(period.FromDay, period.ToDay, 1, 0, 1, 0);
        var lastWhole = afterLastWhole.AddMonths(-1);
        return new(period.FromDay, StatsPeriod.Day(firstWhole.AddDays(-1)),
            firstWhole.Year * 100 + firstWhole.Month, lastWhole.Year * 100 + lastWhole.Month,
            StatsPeriod.Day(afterLastWhole), period.ToDay);
    }
}
