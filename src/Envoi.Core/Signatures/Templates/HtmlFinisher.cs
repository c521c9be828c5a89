using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// What happens to the HTML form after Liquid, in this order:
/// <list type="number">
/// <item>Elements that run code or load other pages (script, iframe, object, embed, form…) and
/// <c>on…</c> event-handler attributes are removed: the validator refuses them, and this guards
/// templates that never went through it.</item>
/// <item>Every URL attribute (href, src, background…) must be http(s), mailto:, tel: or cid:; a
/// relative <c>/assets/NAME</c> becomes <c>{PublicBaseUrl}/assets/NAME</c>; anything else
/// (<c>javascript:</c>, <c>data:</c>, other relative paths) is removed, and an image left without
/// a source is removed with it.</item>
/// <item>Elements marked <c>data-envoi-optional</c> disappear when they would show nothing:
/// <c>&lt;tr data-envoi-optional="mobile"&gt;</c> when every attribute it names is empty (its static
/// label "Mobile:" goes with it), <c>&lt;span data-envoi-optional&gt;</c> without a value when it holds
/// no letter, digit or image (so a leftover " | " goes too). The marker itself never reaches mail.</item>
/// </list>
/// The fragment is parsed and written back by AngleSharp, so the result is also well-formed.
/// </summary>
public sealed class HtmlFinisher
{
    public const string OptionalMarker = "data-envoi-optional";

    private static readonly string[] ForbiddenElements = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "noscript"];
    private static readonly string[] UrlAttributes = ["href", "src", "background", "action", "formaction", "poster", "lowsrc", "dynsrc", "longdesc", "cite", "srcset", "xlink:href"];

    private readonly IElement _root;

    private HtmlFinisher(IElement root) => _root = root;

    public IElement Root => _root;

    public static HtmlFinisher Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(string.Empty);
        var root = document.CreateElement("div");
        root.InnerHtml = html;
        return new HtmlFinisher(root);
    }

    public HtmlFinisher RemoveActiveContent()
    {
        foreach (var element in _root.QuerySelectorAll(string.Join(',', ForbiddenElements)).ToList()) element.Remove();
        foreach (var element in _root.QuerySelectorAll("*"))
            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList())
                element.RemoveAttribute(attribute.Name);
        return this;
    }

    public HtmlFinisher KeepOnlySafeUrls(string baseUrl)
    {
        foreach (var element in _root.QuerySelectorAll("*").ToList())
        {
            foreach (var name in UrlAttributes)
            {
                var value = element.GetAttribute(name);
                if (value is null) continue;
                if (name == "srcset") { element.RemoveAttribute(name); continue; }
                var trimmed = value.Trim();
                if (trimmed.StartsWith("/assets/", StringComparison.Ordinal)) element.SetAttribute(name, baseUrl + trimmed);
                else if (!SafeUrl.IsAllowedInMarkup(trimmed)) element.RemoveAttribute(name);
            }
            if (element.LocalName == "img" && string.IsNullOrWhiteSpace(element.GetAttribute("src"))) element.Remove();
        }
        return this;
    }

    public HtmlFinisher RemoveEmptyOptionalElements(SignatureModel model)
    {
        // Innermost first, so an optional row whose only content was an optional span empties too.
        foreach (var element in _root.QuerySelectorAll($"[{OptionalMarker}]").Reverse().ToList())
        {
            var names = (element.GetAttribute(OptionalMarker) ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            var empty = names.Length > 0
                ? names.All(name => ValueOf(model, name).Length == 0)
                : !HasVisibleContent(element);
            if (empty) element.Remove();
            else element.RemoveAttribute(OptionalMarker);
        }
        return this;
    }

    public string ToHtml() => _root.InnerHtml;

    private static string ValueOf(SignatureModel model, string name) =>
        name.Equals("email", StringComparison.OrdinalIgnoreCase) ? model.Email.Trim() : model.Value(name);

    private static bool HasVisibleContent(IElement element) =>
        element.TextContent.Any(char.IsLetterOrDigit) || element.QuerySelector("img") is not null;
}
