using System.Text.RegularExpressions;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;

namespace Envoi.Core.Green.Images;

/// <summary>
/// How large the templates show an asset, read from the <c>&lt;img&gt;</c> tags of their HTML source
/// that point at it (<c>/assets/NAME</c> or <c>{{ 'NAME' | asset_url }}</c>): the <c>width</c> and
/// <c>height</c> attributes, else <c>width:/height:</c> in <c>px</c> in the style. The largest use
/// wins, so no template shows it blurred. Social icons the <c>social_icons</c> helper draws are 20 px.
/// </summary>
public static partial class TemplateDisplaySizes
{
    /// <summary>Size of the icons <c>social_icons</c> renders (see Templates/SocialIcons.cs).</summary>
    private const int SocialIconPixels = 20;

    public static DisplaySize For(string assetName, IEnumerable<SignatureTemplate> templates)
    {
        int? width = null, height = null;
        var quoted = Regex.Escape(assetName);
        var refersTo = new Regex($@"/assets/{quoted}(?![\w.-])|['""]{quoted}['""]\s*\|\s*asset_url", RegexOptions.IgnoreCase);
        foreach (var template in templates)
            foreach (Match tag in ImgTag().Matches(template.Html))
            {
                if (!refersTo.IsMatch(tag.Value)) continue;
                width = Max(width, Pixels(tag.Value, "width"));
                height = Max(height, Pixels(tag.Value, "height"));
            }
        if (width is null && height is null && assetName.StartsWith("social-", StringComparison.OrdinalIgnoreCase))
            return new DisplaySize(SocialIconPixels, SocialIconPixels);
        return new DisplaySize(width, height);
    }

    private static int? Pixels(string tag, string side)
    {
        var attribute = Regex.Match(tag, $@"\s{side}\s*=\s*[""']?(\d+)(?:px)?[""'\s/>]", RegexOptions.IgnoreCase);
        if (attribute.Success) return int.Parse(attribute.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var style = Regex.Match(tag, $@"[;""'\s]{side}\s*:\s*(\d+)px", RegexOptions.IgnoreCase);
        return style.Success ? int.Parse(style.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ImgTag();
}
