using Envoi.Core.Tracking.Statistics;

namespace Envoi.Data.Tracking.Rollups;

/// <summary>What a rollup is keyed by besides its period, which decides the key column's type.</summary>
internal enum RollupKey
{
    None,
    Int,
    Long,
    Text,
}

/// <summary>One rollup table: rows per day (<c>Day</c>, yyyyMMdd) or per month (<c>Month</c>, yyyyMM), and per key.</summary>
internal sealed record RollupTable(string Name, string PeriodColumn, string? KeyColumn, RollupKey Key)
{
    public bool Monthly => PeriodColumn == "Month";

    /// <summary>Adds to an existing row: two nodes can upsert the same rows concurrently.</summary>
    public string Upsert => $"""
        ON CONFLICT ("{PeriodColumn}"{(KeyColumn is null ? "" : $", \"{KeyColumn}\"")}) DO UPDATE SET
          "Messages" = {Name}."Messages" + excluded."Messages", "Human" = {Name}."Human" + excluded."Human",
          "Automated" = {Name}."Automated" + excluded."Automated", "Images" = {Name}."Images" + excluded."Images"
        """;
}

/// <summary>A detailed view's rollups (daily and monthly), its key and where its label comes from.</summary>
internal sealed record RollupDimension(StatsDimension By, RollupTable Days, RollupTable Months, string? LabelTable, string? LabelColumn)
{
    public string KeyColumn => Days.KeyColumn!;
}

/// <summary>
/// Every rollup, in the one order all writers follow: whatever a transaction adds to (clicks, signed
/// messages, tracked links), it locks tables in this order and rows in key order, so two nodes never
/// wait for each other in a cycle (a deadlock on PostgreSQL).
/// </summary>
internal static class RollupTables
{
    public static readonly RollupTable Days = new("stats_days", "Day", null, RollupKey.None);

    public static readonly RollupDimension Employee = Dimension(StatsDimension.Employee, "employee", "EmployeeId", RollupKey.Int, "employees", "Email");
    public static readonly RollupDimension Signature = Dimension(StatsDimension.Signature, "signature", "Signature", RollupKey.Text, null, null);
    public static readonly RollupDimension Campaign = Dimension(StatsDimension.Campaign, "campaign", "CampaignId", RollupKey.Int, "campaigns", "Name");
    public static readonly RollupDimension Link = Dimension(StatsDimension.Link, "link", "TargetId", RollupKey.Long, "link_targets", "Url");

    public static readonly IReadOnlyList<RollupDimension> Dimensions = [Employee, Signature, Campaign, Link];

    /// <summary>Lock order: the day totals, then each dimension's days and months.</summary>
    public static readonly IReadOnlyList<RollupTable> All = [Days, .. Dimensions.SelectMany(d => new[] { d.Days, d.Months })];

    public static RollupDimension Of(StatsDimension by) =>
        Dimensions.FirstOrDefault(d => d.By == by) ?? throw new ArgumentException($"the {by} view has no keyed rollup", nameof(by));

    private static RollupDimension Dimension(StatsDimension by, string name, string keyColumn, RollupKey key, string? labelTable, string? labelColumn) =>
        new(by, new($"stats_{name}_days", "Day", keyColumn, key), new($"stats_{name}_months", "Month", keyColumn, key), labelTable, labelColumn);
}
