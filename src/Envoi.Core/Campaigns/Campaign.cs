namespace Envoi.Core.Campaigns;

/// <summary>
/// A marketing banner run for a period: what fills the signature's banner slot for the senders and
/// recipients it targets. Rules decide where a slot exists; the campaign decides what goes in it.
/// </summary>
public sealed record Campaign(
    string Name,
    CampaignSchedule Schedule,
    CampaignTargeting Targeting,
    IReadOnlyList<Banner> Banners,
    IReadOnlyDictionary<string, string> Utm,
    bool Paused = false,
    int Id = 0)
{
    public bool RunsAt(DateTimeOffset at) => !Paused && Schedule.Contains(at);
}

/// <summary>One banner of a campaign; several banners share the slot by <see cref="Weight"/> (A/B tests).</summary>
/// <param name="Image">An uploaded image (<c>/assets/NAME</c>): PNG, JPEG or GIF.</param>
public sealed record Banner(string Image, string Link, string Alt, int Width, int Height, int Weight = 1);

/// <summary>Who sees the campaign. Empty lists mean "anyone"; lists of one kind are alternatives, kinds combine.</summary>
public sealed record CampaignTargeting(
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Subsidiaries,
    bool ExternalRecipientsOnly)
{
    public static readonly CampaignTargeting Everyone = new([], [], [], false);
}
