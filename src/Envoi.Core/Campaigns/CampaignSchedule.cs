namespace Envoi.Core.Campaigns;

/// <summary>
/// Start and end as the marketing team says them ("1 December 09:00, Paris time"), kept with their
/// time zone so a campaign starts at 09:00 local on either side of a daylight-saving change.
/// </summary>
public sealed record CampaignSchedule(DateTime Start, DateTime End, string TimeZone)
{
    public DateTimeOffset StartUtc => ToUtc(Start);

    public DateTimeOffset EndUtc => ToUtc(End);

    /// <summary>Start inclusive, end exclusive.</summary>
    public bool Contains(DateTimeOffset at) => at >= StartUtc && at < EndUtc;

    private DateTimeOffset ToUtc(DateTime local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time skipped by a daylight-saving jump does not exist: take the instant an hour later.
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <returns>Why the schedule cannot be used, or null.</returns>
    public string? Problem()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _)) return $"'{TimeZone}' is not a known time zone (use an IANA name such as Europe/Paris or UTC)";
        return End > Start ? null : "the end must come after the start";
    }
}
