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

/// <summary>How long a rollup row's period is, and how it is numbered.</summary>
internal enum RollupLevel
{
    /// <summary><c>Day</c>: yyyyMMdd.</summary>
    Day,

    /// <summary><c>Dekad</c>, a tenth of a month (days 1–10, 11–20, 21 to the end): yyyyMM1, 2 or 3.</summary>
    Dekad,

    /// <summary><c>Month</c>: yyyyMM.</summary>
    Month,
}

/// <summary>One rollup table: rows per period of its level, and per key.</summary>
internal sealed record RollupTable(string Name, RollupLevel Level, string? KeyColumn, RollupKey Key)
{
    public string PeriodColumn => Level.ToString();

    /// <summary>The number of the period of <see cref="Level"/> that holds <paramref name="day"/> (yyyyMMdd).</summary>
    public int PeriodOf(int day) => Level switch
    {
        RollupLevel.Day => day,
        RollupLevel.Dekad => day / 100 * 10 + Math.Min(3, (day % 100 + 9) / 10),
        _ => day / 100,
    };

    /// <summary>Adds to an existing row: two nodes can upsert the same rows concurrently.</summary>
    public string Upsert => $"""
        ON CONFLICT ("{PeriodColumn}"{(KeyColumn is null ? "" : $", \"{KeyColumn}\"")}) DO UPDATE SET
          "Messages" = {Name}."Messages" + excluded."Messages", "Human" = {Name}."Human" + excluded."Human",
          "Automated" = {Name}."Automated" + excluded."Automated", "Images" = {Name}."Images" + excluded."Images"
        """;
}

/// <summary>A detailed view's rollups (one per level, finest first), its key and where its label comes from.</summary>
internal sealed record RollupDimension(StatsDimension By, IReadOnlyList<RollupTable> Levels, string? LabelTable, string? LabelColumn)
{
    public string KeyColumn => Levels[0].KeyColumn!;

    public RollupTable At(RollupLevel level) => Levels[(int)level];
}

/// <summary>
/// Every rollup, in the one order all writers follow: whatever a transaction adds to (clicks, signed
/// messages, tracked links), it locks tables in this order and rows in key order, so two nodes never
/// wait for each other in a cycle (a deadlock on PostgreSQL).
/// </summary>
internal static class RollupTables
{
    public static readonly RollupTable Days = new("stats_days", RollupLevel.Day, null, RollupKey.None);

    public static readonly RollupDimension Employee = Dimension(StatsDimension.Employee, "employee", "EmployeeId", RollupKey.Int, "employees", "Email");
    public static readonly RollupDimension Signature = Dimension(StatsDimension.Signature, "signature", "Signature", RollupKey.Text, null, null);
    public static readonly RollupDimension Campaign = Dimension(StatsDimension.Campaign, "campaign", "CampaignId", RollupKey.Int, "campaigns", "Name");
    public static readonly RollupDimension Link = Dimension(StatsDimension.Link, "link", "TargetId", RollupKey.Long, "link_targets", "Url");

    public static readonly IReadOnlyList<RollupDimension> Dimensions = [Employee, Signature, Campaign, Link];

    /// <summary>Lock order: the day totals, then each dimension's days, dekads and months.</summary>
    public static readonly IReadOnlyList<RollupTable> All = [Days, .. Dimensions.SelectMany(d => d.Levels)];

    public static RollupDimension Of(StatsDimension by) =>
        Dimensions.FirstOrDefault(d => d.By == by) ?? throw new ArgumentException($"the {by} view has no keyed rollup", nameof(by));

    private static RollupDimension Dimension(StatsDimension by, string name, string keyColumn, RollupKey key, string? labelTable, string? labelColumn) =>
        new(by, Enum.GetValues<RollupLevel>().Select(level => new RollupTable($"stats_{name}_{level.ToString().ToLowerInvariant()}s", level, keyColumn, key)).ToList(),
            labelTable, labelColumn);
}
