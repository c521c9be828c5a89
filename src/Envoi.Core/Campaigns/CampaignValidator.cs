using Envoi.Core.Signatures;

namespace Envoi.Core.Campaigns;

/// <summary>Everything wrong with a campaign, in sentences an administrator can act on.</summary>
public static class CampaignValidator
{
    public static IReadOnlyList<string> Problems(Campaign campaign, IReadOnlySet<string> knownImages)
    {
        var problems = new List<string>();
        if (campaign.Name.Length is 0 or > 64 || campaign.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            problems.Add($"'{campaign.Name}' is not a valid campaign name (letters, digits, '-' and '_', at most 64 characters)");
        if (campaign.Schedule.Problem() is { } schedule) problems.Add(schedule);
        if (campaign.Banners.Count == 0) problems.Add("a campaign needs at least one banner");
        for (var i = 0; i < campaign.Banners.Count; i++)
        {
            var banner = campaign.Banners[i];
            var label = $"banner {i + 1}";
            if (!knownImages.Contains(banner.Image)) problems.Add($"{label}: image '{banner.Image}' has not been uploaded (envoi signatures assets add FILE)");
            if (!Uri.TryCreate(banner.Link, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")) problems.Add($"{label}: the link must be an absolute http(s) URL");
            if (banner.Width is < 1 or > 2000 || banner.Height is < 1 or > 2000) problems.Add($"{label}: width and height must be between 1 and 2000 pixels");
            if (banner.Weight is < 1 or > 1000) problems.Add($"{label}: the weight must be between 1 and 1000");
            if (banner.Alt.Length > 200) problems.Add($"{label}: the alt text is limited to 200 characters");
        }
        foreach (var key in campaign.Utm.Keys.Where(k => !k.StartsWith("utm_", StringComparison.Ordinal)))
            problems.Add($"'{key}' is not a UTM parameter (utm_source, utm_medium, utm_campaign, utm_term, utm_content)");
        return problems;
    }

    /// <summary>Banner images go through the same checks as signature images.</summary>
    public static (string? ContentType, string? Problem) CheckImage(string name, ReadOnlySpan<byte> content) => AssetUpload.Check(name, content);
}
