namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// The <c>{{ social_icons }}</c> block: one link per social profile the sender filled in, in a
/// fixed order. A network shows as its icon when an asset <c>social-NETWORK.png</c> exists (20 px
/// high, alt text the network's name, so an image-blocking client still shows a word), else as a
/// text link. Icons are separated by a space; as soon as one is text, by " | ".
/// </summary>
public static class SocialIcons
{
    public sealed record Network(string Attribute, string Label)
    {
        public string AssetName => $"social-{Attribute}.png";
    }

    public static readonly IReadOnlyList<Network> Networks =
    [
        new("linkedin", "LinkedIn"),
        new("x", "X"),
        new("facebook", "Facebook"),
        new("instagram", "Instagram"),
        new("youtube", "YouTube"),
    ];

    /// <summary>The networks that have an icon among the assets (asked only when a template shows the block).</summary>
    public static async Task<IReadOnlySet<string>> AvailableAsync(ISignatureAssets assets, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var network in Networks)
            if (await assets.FindAsync(network.AssetName, ct) is not null) found.Add(network.Attribute);
        return found;
    }

    public static string Render(RenderScope scope)
    {
        var links = new List<string>();
        var allIcons = true;
        foreach (var network in Networks)
        {
            var url = SafeUrl.Web(scope.Model.Value(network.Attribute));
            if (url is null) continue;
            if (scope.Form == TemplateForm.Html && scope.SocialIcons.Contains(network.Attribute))
            {
                var image = $"<img src=\"{Markup.Html.Encode(scope.AssetUrl(network.AssetName))}\" alt=\"{network.Label}\" height=\"20\" style=\"border:0;height:20px;display:inline-block\">";
                links.Add(Markup.Link(url, image, "text-decoration:none", scope.Form));
            }
            else
            {
                allIcons = false;
                links.Add(Markup.Link(url, Markup.Text(network.Label, scope.Form), null, scope.Form, network.Label));
            }
        }
        var separator = scope.Form == TemplateForm.Text ? "\n" : allIcons ? " " : " | ";
        return string.Join(separator, links);
    }
}
