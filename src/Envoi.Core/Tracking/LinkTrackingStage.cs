using System.Net;
using Envoi.Core.Campaigns;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using Microsoft.Extensions.Logging;

namespace Envoi.Core.Tracking;

/// <summary>
/// Rewrites the http(s) links of the inserted signature and banner to <c>{PublicBaseUrl}/c/TOKEN</c>
/// and the banner image to <c>/i/TOKEN</c>, with one link row per (message, link). The author's text
/// and the quoted thread are outside those blocks and never change; mailto: and tel: stay as they
/// are unless configured. The campaign's UTM parameters are added to the banner's link.
/// </summary>
public sealed class LinkTrackingStage(TrackingOptions options, ILinkStore links, TrackingTokens tokens, LinkSigningKey baseUrl, TimeProvider clock, ILogger<LinkTrackingStage> logger) : IMessageStage
{
    public string Name => "links";

    public int Order => 400;

    public async ValueTask<StageResult> ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (!options.Enabled || context.Noted<SignedCopy>() is not { } copy) return StageResult.Next;
        var html = MessageBodies.Of(context.Message).Html;
        if (html is null) return StageResult.Next;
        var (text, encoding) = PartText.Read(html);
        var banner = context.Noted<BannerInserted>();
        var campaignId = banner?.Campaign.Id ?? 0;

        var rewrites = new List<(TrackableLinks.Found Found, NewLink Link)>();
        foreach (var found in TrackableLinks.Find(text))
        {
            var target = Target(found, banner);
            if (target is not null)
                rewrites.Add((found, new NewLink(context.QueueId, copy.Sender.Employee.Id, copy.Signature, campaignId, found.Kind, target)));
        }
        if (rewrites.Count == 0) return StageResult.Next;

        var ids = await links.EnsureAsync(rewrites.Select(r => r.Link).ToList(), clock.GetUtcNow(), cancellationToken);
        var result = text;
        // From the end, so the offsets of earlier links stay valid.
        for (var i = rewrites.Count - 1; i >= 0; i--)
        {
            var (found, link) = rewrites[i];
            var token = tokens.Write(new TrackingToken(ids[i], link.MessageId, link.EmployeeId, link.Signature, link.CampaignId));
            var url = $"{baseUrl.BaseUrl}/{(found.Kind == LinkKind.Image ? "i" : "c")}/{token}";
            result = string.Concat(result.AsSpan(0, found.Start), url, result.AsSpan(found.Start + found.Length));
        }
        PartText.Write(html, result, encoding, "");
        context.Modified = true;
        logger.LogInformation("{QueueId}: {Count} signature/banner links tracked", context.QueueId, rewrites.Count);
        return StageResult.Next;
    }

    /// <summary>What the link row should point to, or null when the link is left as it is.</summary>
    private string? Target(TrackableLinks.Found found, BannerInserted? banner)
    {
        var value = WebUtility.HtmlDecode(found.RawValue).Trim();
        if (found.Kind == LinkKind.Image)
        {
            // Only the banner image Envoi hosts; its row holds the asset name /i serves.
            var assets = $"{baseUrl.BaseUrl}/assets/";
            return options.ImageLoads && value.StartsWith(assets, StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(value[assets.Length..]) : null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is "mailto" or "tel") return options.TrackMailtoAndTel ? value : null;
        if (uri.Scheme is not ("http" or "https")) return null;
        // Envoi's own links (vCards, tracked links of a quoted earlier signature) need no second hop.
        if (value.StartsWith(baseUrl.BaseUrl + "/", StringComparison.OrdinalIgnoreCase)) return null;
        return found.InBanner && banner is not null ? Utm.Append(value, banner.Campaign.Utm) : value;
    }
}
