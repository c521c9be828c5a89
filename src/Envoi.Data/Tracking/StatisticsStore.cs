using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Envoi.Core.Tracking.Statistics;
using Envoi.Data.Tracking.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Tracking;

/// <summary>
/// Reads the statistics rollups (<see cref="RollupTables"/>), never the raw clicks, messages or
/// links: the day view reads one row per day; a detailed view reads, per key, one row per whole
/// month of the period, per whole dekad around them and per remaining day (<see cref="RollupPeriod"/>),
/// so a year costs about twice what a month does.
/// </summary>
public sealed class StatisticsStore(EnvoiDbFactory factory) : IStatisticsStore
{
    public async Task<IReadOnlyList<StatsRow>> CountsAsync(StatsDimension by, StatsPeriod period, CancellationToken ct)
    {
        if (by != StatsDimension.Day)
        {
            var rows = new List<StatsRow>();
            await foreach (var row in RowsAsync(by, period, ct)) rows.Add(row);
            return rows;
        }
        int from = period.FromDay, to = period.ToDay;
        await using var db = factory.Create();
        return (await db.DayStats.AsNoTracking().Where(d => d.Day >= from && d.Day <= to).ToListAsync(ct))
            .Select(d => { var key = StatsPeriod.Date(d.Day).ToString("yyyy-MM-dd"); return new StatsRow(key, key, d.Messages, d.Human, d.Automated, d.Images); })
            .ToList();
    }

    public async IAsyncEnumerable<StatsRow> RowsAsync(StatsDimension by, StatsPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        if (by == StatsDimension.Day) throw new ArgumentException("the day view is read with CountsAsync", nameof(by));
        var ranges = RollupPeriod.Of(period);
        await using var db = factory.Create();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = RowsSql(RollupTables.Of(by), ranges, factory.Target.Provider);
        for (var i = 0; i < ranges.Count; i++)
        {
            Add(command, $"from{i}", ranges[i].From);
            Add(command, $"to{i}", ranges[i].To);
        }
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
            yield return new StatsRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>
    /// One query per view: the rollup rows of the period (one key-range read per range of days,
    /// dekads or months) summed per key, the label joined, and the report's order. Upper-casing in
    /// byte order is what <see cref="StringComparer.OrdinalIgnoreCase"/> does.
    /// </summary>
    private static string RowsSql(RollupDimension dimension, IReadOnlyList<RollupRange> ranges, DatabaseProvider provider)
    {
        var reads = string.Join("\n    UNION ALL\n    ", ranges.Select((range, i) =>
        {
            var table = dimension.At(range.Level);
            return $"SELECT \"{dimension.KeyColumn}\" AS k, \"Messages\" AS n, \"Human\" AS h, \"Automated\" AS a, \"Images\" AS i FROM {table.Name} " +
                $"WHERE \"{table.PeriodColumn}\" >= @from{i} AND \"{table.PeriodColumn}\" <= @to{i}";
        }));
        var (labelJoin, label) = dimension.LabelTable is { } labels
            ? ($"LEFT JOIN {labels} AS l ON l.\"Id\" = u.k", $"l.\"{dimension.LabelColumn}\"")
            : ("", "NULL");
        var collate = provider == DatabaseProvider.Postgres ? " COLLATE \"C\"" : "";
        return $"""
            SELECT CAST(u.k AS TEXT) AS key, COALESCE({label}, CAST(u.k AS TEXT)) AS label, u.n, u.h, u.a, u.i FROM (
              SELECT k, CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(h) AS BIGINT) AS h, CAST(SUM(a) AS BIGINT) AS a, CAST(SUM(i) AS BIGINT) AS i FROM (
                {reads}
              ) AS x GROUP BY k
            ) AS u {labelJoin}
            ORDER BY u.h DESC, u.n DESC, UPPER(COALESCE({label}, CAST(u.k AS TEXT))){collate}, CAST(u.k AS TEXT){collate}
            """;
    }

    private static void Add(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
