using System.Text;
using Envoi.Core.Campaigns;
using Envoi.Core.Mime;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Envoi.Core.Tracking;

/// <summary>
/// Rewrites the http(s) links of the inserted signature and banner to <c>{PublicBaseUrl}/c/TOKEN</c>
/// and the banner image to <c>/i/TOKEN</c>, in the HTML body and in the text/plain one, with one link
/// row per (message, target): the HTML and the text form of a link share its row and its token. The
/// author's text and the quoted thread are outside those blocks and never change; mailto: and tel:
/// stay as they are unless configured. The campaign's UTM parameters are added to the banner's link.
/// </summary>
public sealed class LinkTrackingStage : IMessageStage, IAsyncDisposable
{
    private readonly TrackingOptions _options;
    private readonly TrackingTokens _tokens;
    private readonly LinkSigningKey _baseUrl;
    private readonly ILogger<LinkTrackingStage> _logger;
    private readonly LinkRows _rows;

    public LinkTrackingStage(TrackingOptions options, ILinkStore links, TrackingTokens tokens, LinkSigningKey baseUrl, TimeProvider clock, ILogger<LinkTrackingStage> logger)
    {
        _options = options;
        _tokens = tokens;
        _baseUrl = baseUrl;
        _logger = logger;
        _rows = new LinkRows(links, clock, logger);
    }

    public string Name => "links";

    /// <summary>One body part's text and the links to replace in it.</summary>
    private sealed record PartLinks(TextPart Part, EncodedText? Encoded, string Text, Encoding Encoding, List<(TrackableLinks.Found Found, int Link)> Rewrites);

    public async ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || context.Noted<SignedCopy>() is not { } copy) return;
        var bodies = MessageBodies.Of(context.Message);
        var banner = context.Noted<BannerInserted>();
        var campaignId = banner?.Campaign.Id ?? 0;

        var links = new List<NewLink>();
        var parts = new List<PartLinks>();
        foreach (var (part, encoded, text, encoding, found) in Candidates(bodies, copy, banner))
        {
            var rewrites = new List<(TrackableLinks.Found, int)>();
            foreach (var link in found)
            {
                if (Target(link, banner) is not { } target) continue;
                var row = new NewLink(context.QueueId, copy.Sender.Employee.Id, copy.Signature, campaignId, link.Kind, target);
                var index = links.IndexOf(row);
                if (index < 0) { index = links.Count; links.Add(row); }
                rewrites.Add((link, index));
            }
            if (rewrites.Count > 0) parts.Add(new PartLinks(part, encoded, text, encoding, rewrites));
        }
        if (links.Count == 0) return;

        var ids = await _rows.EnsureAsync(links, cancellationToken);
        var urls = links.Select((link, i) =>
            $"{_baseUrl.BaseUrl}/{(link.Kind == LinkKind.Image ? "i" : "c")}/{_tokens.Write(new TrackingToken(ids[i], link.MessageId, link.EmployeeId, link.Signature, link.CampaignId))}").ToList();
        foreach (var part in parts) Rewrite(part, urls);
        _logger.LogInformation("{QueueId}: {Count} signature/banner links tracked", context.QueueId, links.Count);
    }

    /// <summary>The links of Envoi's blocks, per body part: the HTML one, and the text one when it got the signature.</summary>
    private static IEnumerable<(TextPart Part, EncodedText? Encoded, string Text, Encoding Encoding, List<TrackableLinks.Found> Found)> Candidates(MessageBodies bodies, SignedCopy copy, BannerInserted? banner)
    {
        if (bodies.Html is { } html)
        {
            var (encoded, text, encoding) = SplicedText.Read(html);
            yield return (html, encoded, text, encoding, TrackableLinks.FindInHtml(text));
        }
        if (bodies.Text is { } plain && copy.TextForm is { } form)
        {
            var (encoded, text, encoding) = SplicedText.Read(plain);
            if (TextSignatureRange.Find(text, form) is not var (start, end)) yield break;
            var found = TrackableLinks.FindInText(text, start, end, inBanner: false);
            if (banner?.TextLines is { } lines && string.CompareOrdinal(text, end, lines, 0, lines.Length) == 0)
                found.AddRange(TrackableLinks.FindInText(text, end, end + lines.Length, inBanner: true));
            yield return (plain, encoded, text, encoding, found);
        }
    }

    /// <summary>Splices the stored bytes when it can, and decodes and re-encodes the whole part when it must.</summary>
    private static void Rewrite(PartLinks part, List<string> urls)
    {
        var replacements = part.Rewrites.Select(r => (r.Found.Start, r.Found.Length, urls[r.Link])).ToList();
        if (part.Encoded is not null && EncodedReplace.TryReplace(part.Part, part.Encoded, replacements)) return;
        var result = part.Text;
        // From the end, so the offsets of earlier links stay valid.
        for (var i = replacements.Count - 1; i >= 0; i--)
        {
            var (start, length, url) = replacements[i];
            result = string.Concat(result.AsSpan(0, start), url, result.AsSpan(start + length));
        }
        PartText.Write(part.Part, result, part.Encoding, "");
    }

    /// <summary>What the link row should point to, or null when the link is left as it is.</summary>
    private string? Target(TrackableLinks.Found found, BannerInserted? banner)
    {
        var value = found.Value;
        if (found.Kind == LinkKind.Image)
        {
            // Only the banner image Envoi hosts; its row holds the asset name /i serves.
            var assets = $"{_baseUrl.BaseUrl}/assets/";
            return _options.ImageLoads && value.StartsWith(assets, StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(value[assets.Length..]) : null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is "mailto" or "tel") return _options.TrackMailtoAndTel ? value : null;
        if (uri.Scheme is not ("http" or "https")) return null;
        // Envoi's own links (vCards, tracked links of a quoted earlier signature) need no second hop.
        if (value.StartsWith(_baseUrl.BaseUrl + "/", StringComparison.OrdinalIgnoreCase)) return null;
        return found.InBanner && banner is not null ? Utm.Append(value, banner.Campaign.Utm) : value;
    }

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
