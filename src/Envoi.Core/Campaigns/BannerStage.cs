using Envoi.Core.Mime;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Envoi.Core.Campaigns;

/// <summary>
/// Fills the banner slot the signature decision opened (a rule's <c>bannerSlot</c>) with the banner
/// of the running campaign: the linked image directly after the signature block of the HTML body,
/// and its alt text and link as the last line of the text/plain signature. It reads the decision
/// from the <see cref="SignedCopy"/> the signature stage noted: no signature inserted, no banner.
/// </summary>
public sealed class BannerStage(CampaignSelector selector, LinkSigningKey links, ILogger<BannerStage> logger) : IMessageStage
{
    public string Name => "banner";

    public async ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Noted<SignedCopy>() is not { BannerSlot: { Length: > 0 } slot } copy) return;
        var bodies = MessageBodies.Of(context.Message);
        var text = copy.TextForm is null ? null : bodies.Text;
        if (bodies.Html is null && text is null) return;
        if (await selector.ChooseAsync(copy, cancellationToken) is not var (campaign, banner)) return;

        var inHtml = bodies.Html is { } html && InsertHtml(html, campaign, banner, slot);
        var textLines = text is null ? null : InsertText(text, copy.TextForm!, banner);
        if (!inHtml && textLines is null) return;
        context.Note(new BannerInserted(campaign, banner, textLines));
        logger.LogInformation("{QueueId}: banner of campaign '{Campaign}' ({Image}) in slot '{Slot}'{Parts}", context.QueueId, campaign.Name, banner.Image, slot,
            (inHtml, textLines is not null) switch { (true, true) => "", (true, false) => ", HTML only", _ => ", text only" });
    }

    private bool InsertHtml(TextPart html, Campaign campaign, Banner banner, string slot)
    {
        var (encoded, text, encoding) = SplicedText.Read(html);
        var signature = EnvoiBlocks.Find(text, EnvoiBlocks.SignatureAttribute);
        if (signature.Count == 0) return false;
        var inserted = PartText.ForHtml(BannerHtml.Render(campaign, banner, slot, links.BaseUrl), encoding, PartText.IsSevenBit(html.ContentTransferEncoding));
        SplicedText.Insert(html, encoded, text.AsMemory(), encoding, signature[^1].End, inserted);
        return true;
    }

    /// <summary>The banner line goes inside the signature block (after its last line); returns what was inserted, or null.</summary>
    private static string? InsertText(TextPart part, string textForm, Banner banner)
    {
        var (encoded, text, encoding) = SplicedText.Read(part);
        if (TextSignatureRange.Find(text, textForm) is not var (_, end)) return null;
        var inserted = (text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n") + BannerText.Render(banner);
        SplicedText.Insert(part, encoded, text.AsMemory(), encoding, end, inserted);
        return inserted;
    }
}

/// <summary>Noted by <see cref="BannerStage"/>: which campaign's banner this copy carries (for tracked links and statistics).</summary>
/// <param name="TextLines">What was inserted into the text/plain body right after the signature's lines (a line break and the banner line), or null.</param>
public sealed record BannerInserted(Campaign Campaign, Banner Banner, string? TextLines = null);
