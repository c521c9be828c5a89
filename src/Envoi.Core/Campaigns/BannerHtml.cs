using System.Net;
using Envoi.Core.Signatures.Placement;

namespace Envoi.Core.Campaigns;

/// <summary>
/// The HTML of a banner as inserted after the signature: a linked image with explicit size (so
/// clients that block images keep the layout) inside a marked block the link stage recognizes.
/// </summary>
public static class BannerHtml
{
    public static string Render(Campaign campaign, Banner banner, string slot, string baseUrl) =>
        $"<div class=\"envoi-banner\" {EnvoiBlocks.BannerAttribute}=\"{Encode(campaign.Name)}\" data-envoi-slot=\"{Encode(slot)}\">" +
        $"<a href=\"{Encode(banner.Link)}\"><img src=\"{Encode(baseUrl)}/assets/{Uri.EscapeDataString(banner.Image)}\" alt=\"{Encode(banner.Alt)}\" " +
        $"width=\"{banner.Width}\" height=\"{banner.Height}\" style=\"border:0;display:block\"></a></div>";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
