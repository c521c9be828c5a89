namespace Envoi.Data.Schema;

/// <summary>
/// What the statistics show for one row of a rollup: messages (for a link, messages it was mailed in),
/// human clicks, automated clicks, image loads. Rollups are added to in the transaction that writes
/// the raw rows (clicks, signed messages, tracked links), so a view reads a few rows per key.
/// </summary>
public abstract class StatsCounts
{
    public long Messages { get; set; }
    public long Human { get; set; }
    public long Automated { get; set; }
    public long Images { get; set; }
}

/// <summary>All of a day (the day view).</summary>
public sealed class DayStatsRow : StatsCounts
{
    public int Day { get; set; }
}

public sealed class EmployeeDayStatsRow : StatsCounts
{
    public int Day { get; set; }
    public int EmployeeId { get; set; }
}

/// <summary>
/// A tenth of a month (a dekad: days 1–10, 11–20, 21 to the end; <see cref="Dekad"/> is yyyyMM1, 2 or 3):
/// the days at a period's ends are read from these where whole.
/// </summary>
public sealed class EmployeeDekadStatsRow : StatsCounts
{
    public int Dekad { get; set; }
    public int EmployeeId { get; set; }
}

/// <summary>A calendar month (<see cref="Month"/> is yyyyMM): a year's view reads 12 of these per key plus the ends.</summary>
public sealed class EmployeeMonthStatsRow : StatsCounts
{
    public int Month { get; set; }
    public int EmployeeId { get; set; }
}

public sealed class SignatureDayStatsRow : StatsCounts
{
    public int Day { get; set; }
    public required string Signature { get; set; }
}

public sealed class SignatureDekadStatsRow : StatsCounts
{
    public int Dekad { get; set; }
    public required string Signature { get; set; }
}

public sealed class SignatureMonthStatsRow : StatsCounts
{
    public int Month { get; set; }
    public required string Signature { get; set; }
}

/// <summary>Only messages and clicks with a campaign (the campaign view leaves out "no campaign").</summary>
public sealed class CampaignDayStatsRow : StatsCounts
{
    public int Day { get; set; }
    public int CampaignId { get; set; }
}

public sealed class CampaignDekadStatsRow : StatsCounts
{
    public int Dekad { get; set; }
    public int CampaignId { get; set; }
}

public sealed class CampaignMonthStatsRow : StatsCounts
{
    public int Month { get; set; }
    public int CampaignId { get; set; }
}

/// <summary>Per link target; <see cref="StatsCounts.Messages"/> counts the tracked (click) links created that day.</summary>
public sealed class LinkDayStatsRow : StatsCounts
{
    public int Day { get; set; }
    public long TargetId { get; set; }
}

public sealed class LinkDekadStatsRow : StatsCounts
{
    public int Dekad { get; set; }
    public long TargetId { get; set; }
}

public sealed class LinkMonthStatsRow : StatsCounts
{
    public int Month { get; set; }
    public long TargetId { get; set; }
}
