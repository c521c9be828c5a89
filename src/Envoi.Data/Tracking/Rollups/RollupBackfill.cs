namespace Envoi.Data.Tracking.Rollups;

/// <summary>
/// Fills empty rollups from the rows written before they existed: clicks from <c>click_counts</c>
/// (which the clicks were summed into), messages from <c>signed_messages</c>, a link's "mailed in"
/// from <c>tracked_links</c> (click links, by the UTC day they were created), dekads and months from days.
/// Run by the benchmark seeder, which writes the raw tables as Envoi does (the migration that created
/// the rollups ran it once, before the migrations were squashed). A later schema change gets its own
/// migration SQL instead of changing this.
/// </summary>
public static class RollupBackfill
{
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var linkDay = provider == DatabaseProvider.Postgres
            ? """CAST(to_char(to_timestamp("CreatedAt" / 1000) AT TIME ZONE 'UTC', 'YYYYMMDD') AS integer)"""
            : """CAST(strftime('%Y%m%d', "CreatedAt" / 1000, 'unixepoch') AS INTEGER)""";
        var statements = new List<string>
        {
            Days("stats_days", "", "\"Day\"", ""),
        };
        foreach (var dimension in RollupTables.Dimensions)
        {
            var key = $"\"{dimension.KeyColumn}\"";
            statements.Add(dimension == RollupTables.Link
                ? $"""
                   INSERT INTO {dimension.Levels[0].Name} ("Day", {key}, "Messages", "Human", "Automated", "Images")
                   SELECT d, k, SUM(n), SUM(h), SUM(a), SUM(i) FROM (
                     SELECT "Day" AS d, {key} AS k, 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts
                     UNION ALL
                     SELECT {linkDay}, {key}, 1, 0, 0, 0 FROM tracked_links WHERE "Kind" = 0
                   ) AS x GROUP BY d, k
                   """
                : Days(dimension.Levels[0].Name, $", {key}", $"\"Day\", {key}", dimension == RollupTables.Campaign ? "WHERE \"CampaignId\" <> 0" : ""));
            foreach (var coarser in dimension.Levels.Skip(1))
            {
                var period = coarser.Level == RollupLevel.Month
                    ? "\"Day\" / 100"
                    : "\"Day\" / 100 * 10 + CASE WHEN \"Day\" % 100 <= 10 THEN 1 WHEN \"Day\" % 100 <= 20 THEN 2 ELSE 3 END";
                statements.Add($"""
                    INSERT INTO {coarser.Name} ("{coarser.PeriodColumn}", {key}, "Messages", "Human", "Automated", "Images")
                    SELECT {period}, {key}, SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM {dimension.Levels[0].Name} GROUP BY {period}, {key}
                    """);
            }
        }
        return statements;
    }

    private static string Days(string table, string keyColumn, string groupBy, string where) => $"""
        INSERT INTO {table} ("Day"{keyColumn}, "Messages", "Human", "Automated", "Images")
        SELECT {groupBy}, SUM(n), SUM(h), SUM(a), SUM(i) FROM (
          SELECT {groupBy}, 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts {where}
          UNION ALL
          SELECT {groupBy}, 1, 0, 0, 0 FROM signed_messages {where}
        ) AS x GROUP BY {groupBy}
        """;
}
