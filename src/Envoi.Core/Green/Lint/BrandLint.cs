using System.Globalization;
using System.Text.RegularExpressions;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Green.Lint;

/// <summary>
/// Warns when a template's HTML uses colors or fonts outside the brand's: hex and <c>rgb()</c> colors
/// anywhere in the source, font families in <c>font-family</c> declarations and <c>&lt;font face&gt;</c>.
/// Generic families (<c>sans-serif</c>…) are always allowed: they are the fallback every stack ends with.
/// </summary>
public static partial class BrandLint
{
    private static readonly HashSet<string> GenericFamilies = new(StringComparer.OrdinalIgnoreCase)
        { "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit", "initial", "unset" };

    public static IEnumerable<TemplateIssue> Check(string html, GreenOptions options)
    {
        if (options.BrandColors.Count > 0)
        {
            var palette = options.BrandColors.Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var offBrand = Colors().Matches(html).Select(m => (Source: m.Value, Color: Normalize(m.Value)))
                .Where(c => c.Color is not null && !palette.Contains(c.Color)).Select(c => c.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (offBrand.Count > 0)
                yield return new TemplateIssue(IssueSeverity.Warning, TemplateForm.Html, "brand-color", null, null,
                    $"Colors outside the brand palette: {string.Join(", ", offBrand)} (brand: {string.Join(", ", options.BrandColors)}).");
        }
        if (options.BrandFonts.Count > 0)
        {
            var brand = new HashSet<string>(options.BrandFonts.Select(f => f.Trim()), StringComparer.OrdinalIgnoreCase);
            var offBrand = FontDeclarations().Matches(html)
                .SelectMany(m => m.Groups["list"].Value.Split(','))
                .Select(f => f.Trim().Trim('\'', '"', ' ').Replace("&quot;", "", StringComparison.Ordinal).Trim())
                .Where(f => f.Length > 0 && !GenericFamilies.Contains(f) && !brand.Contains(f))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (offBrand.Count > 0)
                yield return new TemplateIssue(IssueSeverity.Warning, TemplateForm.Html, "brand-font", null, null,
                    $"Fonts outside the brand: {string.Join(", ", offBrand)} (brand: {string.Join(", ", options.BrandFonts)}).");
        }
    }

    /// <summary><c>#abc</c>, <c>#aabbcc</c> or <c>rgb(r, g, b)</c> as lowercase <c>#rrggbb</c>; null for anything else.</summary>
    public static string? Normalize(string color)
    {
        color = color.Trim().ToLowerInvariant();
        var rgb = Regex.Match(color, @"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})");
        if (rgb.Success)
            return "#" + string.Concat(Enumerable.Range(1, 3).Select(i => Math.Min(255, int.Parse(rgb.Groups[i].Value, CultureInfo.InvariantCulture)).ToString("x2", CultureInfo.InvariantCulture)));
        if (Regex.IsMatch(color, "^#[0-9a-f]{6}$")) return color;
        if (Regex.IsMatch(color, "^#[0-9a-f]{3}$")) return $"#{color[1]}{color[1]}{color[2]}{color[2]}{color[3]}{color[3]}";
        return null;
    }

    // A hex color is '#' then 3 or 6 hex digits not followed by more: '#1234' is not a color (an anchor, an entity).
    [GeneratedRegex(@"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z])|rgba?\([^)]*\)")]
    private static partial Regex Colors();

    [GeneratedRegex(@"font-family\s*:\s*(?<list>[^;""}>]+)|<font\b[^>]*\bface\s*=\s*[""'](?<list>[^""']+)", RegexOptions.IgnoreCase)]
    private static partial Regex FontDeclarations();
}
