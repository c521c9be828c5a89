namespace Envoi.Data.Schema;

/// <summary>A campaign; the definition as JSON (read and written whole), the period in UTC for the release-time query.</summary>
public sealed class CampaignRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool Paused { get; set; }
    public long StartsAt { get; set; }
    public long EndsAt { get; set; }
    public required string Json { get; set; }
    public long UpdatedAt { get; set; }
}

/// <summary>A distinct target URL (or banner image name): the "link" of the statistics.</summary>
public sealed class LinkTargetRow
{
    public long Id { get; set; }
    public required string Url { get; set; }
}

/// <summary>A link as mailed in one message; tokens point here, and the redirect target is read from here.</summary>
public sealed class TrackedLinkRow
{
    public long Id { get; set; }
    public required string MessageId { get; set; }
    public int EmployeeId { get; set; }
    public required string Signature { get; set; }
    public int CampaignId { get; set; }
    public int Kind { get; set; }
    public long TargetId { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>Every click and image load, with why it was judged automated (null: a person).</summary>
public sealed class ClickRow
{
    public long Id { get; set; }
    public long LinkId { get; set; }
    public long At { get; set; }
    public int Day { get; set; }
    public int Kind { get; set; }
    public string? AutomatedReason { get; set; }
}

/// <summary>
/// Clicks counted per day and dimension, updated in the same transaction as the clicks: statistics
/// read these few rows instead of scanning millions of clicks.
/// </summary>
public sealed class ClickCountRow
{
    public int Day { get; set; }
    public int EmployeeId { get; set; }
    public required string Signature { get; set; }
    public int CampaignId { get; set; }
    public long TargetId { get; set; }
    public long Human { get; set; }
    public long Automated { get; set; }
    public long Images { get; set; }
}

/// <summary>One signed copy of a message (unique per message and signature, so a retry is not counted twice).</summary>
public sealed class SignedMessageRow
{
    public long Id { get; set; }
    public required string MessageId { get; set; }
    public int EmployeeId { get; set; }
    public required string Signature { get; set; }
    public int CampaignId { get; set; }
    public int Day { get; set; }
}
