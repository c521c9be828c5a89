using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using Microsoft.Extensions.Logging;

namespace Envoi.Core.Campaigns;

/// <summary>
/// Fills the banner slot the signature decision opened (a rule's <c>bannerSlot</c>) with the banner
/// of the running campaign, directly after the signature block of the HTML body. It reads the
/// decision from the <see cref="SignedCopy"/> the signature stage noted: no signature inserted, no banner.
/// </summary>
public sealed class BannerStage(CampaignSelector selector, LinkSigningKey links, ILogger<BannerStage> logger) : IMessageStage
{
    public string Name => "banner";

    public int Order => 300;

    public async ValueTask<StageResult> ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Noted<SignedCopy>() is not { BannerSlot: { Length: > 0 } slot } copy) return StageResult.Next;
        if (await selector.ChooseAsync(copy, cancellationToken) is not var (campaign, banner)) return StageResult.Next;
        var html = MessageBodies.Of(context.Message).Html;
        if (html is null) return StageResult.Next;

        var (text, encoding) = PartText.Read(html);
        var signature = EnvoiBlocks.Find(text, EnvoiBlocks.SignatureAttribute);
        if (signature.Count == 0) return StageResult.Next;
        var inserted = PartText.ForHtml(BannerHtml.Render(campaign, banner, slot, links.BaseUrl), encoding, sevenBit: false);
        var at = signature[^1].End;
        PartText.Write(html, string.Concat(text.AsSpan(0, at), inserted, text.AsSpan(at)), encoding, inserted);
        context.Modified = true;
        context.Note(new BannerInserted(campaign, banner));
        logger.LogInformation("{QueueId}: banner of campaign '{Campaign}' ({Image}) in slot '{Slot}'", context.QueueId, campaign.Name, banner.Image, slot);
        return StageResult.Next;
    }
}

/// <summary>Noted by <see cref="BannerStage"/>: which campaign's banner this copy carries (for tracked links and statistics).</summary>
public sealed record BannerInserted(Campaign Campaign, Banner Banner);
