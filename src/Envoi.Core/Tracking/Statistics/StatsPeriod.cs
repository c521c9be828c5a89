using System.Globalization;

namespace Envoi.Core.Tracking.Statistics;

/// <summary>A period of whole days (UTC), both ends included.</summary>
public sealed record StatsPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3660;

    public int FromDay => Day(From);

    public int ToDay => Day(To);

    public static int Day(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly Date(int day) => new(day / 10000, day / 100 % 100, day % 100);

    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1)) yield return d;
    }

    /// <summary>
    /// <paramref name="period"/> is <c>today</c>, <c>7d</c> or <c>30d</c> (ending today), or absent for
    /// <paramref name="from"/>/<paramref name="to"/> as yyyy-MM-dd (to defaults to today, from to 30 days before it).
    /// </summary>
    public static (StatsPeriod? Period, string? Problem) Parse(string? period, string? from, string? to, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to)) return (null, "give either period= or from=/to=, not both");
            return period.Trim().ToLowerInvariant() switch
            {
                "today" => (new StatsPeriod(today, today), null),
                "7d" => (new StatsPeriod(today.AddDays(-6), today), null),
                "30d" => (new StatsPeriod(today.AddDays(-29), today), null),
                _ => (null, $"period '{Shorten(period)}' is not one of today, 7d, 30d"),
            };
        }
        DateOnly? end = today, start = null;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!TryDate(to, out var parsed)) return (null, $"to '{Shorten(to)}' is not a date (yyyy-MM-dd)");
            end = parsed;
        }
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!TryDate(from, out var parsed)) return (null, $"from '{Shorten(from)}' is not a date (yyyy-MM-dd)");
            start = parsed;
        }
        var range = new StatsPeriod(start ?? end.Value.AddDays(-29), end.Value);
        if (range.From > range.To) return (null, "from must not come after to");
        if (range.To.DayNumber - range.From.DayNumber >= MaxDays) return (null, $"a period is limited to {MaxDays} days");
        return (range, null);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
