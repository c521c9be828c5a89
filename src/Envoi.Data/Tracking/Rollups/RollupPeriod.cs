using Envoi.Core.Tracking.Statistics;

namespace Envoi.Data.Tracking.Rollups;

/// <summary>Periods <see cref="From"/> to <see cref="To"/> (numbered as <see cref="RollupLevel"/> says) of one level.</summary>
internal sealed record RollupRange(RollupLevel Level, int From, int To);

/// <summary>
/// A period as the rollups read it, in as few rows per key as the levels allow: whole months from
/// the monthly tables, whole dekads around them, the remaining days at the ends. A year is ~12
/// months, up to 4 dekads and up to 18 days per key; 30 days are ~3 dekads and ~10 days.
/// </summary>
internal static class RollupPeriod
{
    /// <summary>The ranges to read, in date order; consecutive periods of one level are one range.</summary>
    public static IReadOnlyList<RollupRange> Of(StatsPeriod period)
    {
        var ranges = new List<RollupRange>();
        for (var day = period.From; day <= period.To;)
        {
            var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
            var dekadEnd = day.Day == 21 ? monthEnd : day.AddDays(9);
            var (level, number, last) =
                day.Day == 1 && monthEnd <= period.To ? (RollupLevel.Month, day.Year * 100 + day.Month, monthEnd)
                : day.Day is 1 or 11 or 21 && dekadEnd <= period.To ? (RollupLevel.Dekad, (day.Year * 100 + day.Month) * 10 + day.Day / 10 + 1, dekadEnd)
                : (RollupLevel.Day, StatsPeriod.Day(day), day);
            if (ranges.Count > 0 && ranges[^1].Level == level) ranges[^1] = ranges[^1] with { To = number };
            else ranges.Add(new RollupRange(level, number, number));
            day = last.AddDays(1);
        }
        return ranges;
    }
}
