using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

/// <summary>Sample senders and a one-line way to render a template for them.</summary>
public static class Senders
{
    public const string BaseUrl = "https://envoi.example.com";

    public static SignatureModel Ana(params (string Name, string Value)[] overrides)
    {
        var attributes = new Dictionary<string, string>
        {
            ["displayName"] = "Ana Martin",
            ["firstName"] = "Ana",
            ["lastName"] = "Martin",
            ["jobTitle"] = "Head of Sales",
            ["department"] = "Sales",
            ["company"] = "Example SA",
            ["phone"] = "01 23 45 67 89",
            ["preferredLanguage"] = "en",
        };
        foreach (var (name, value) in overrides) attributes[name] = value;
        return new SignatureModel("ana.martin@example.com", attributes, ["sales", "paris"], BaseUrl, "FR", BaseUrl + "/vcard/ana");
    }

    public static async Task<RenderedSignature> RenderAsync(string html, string text = "", SignatureModel? model = null, ISignatureAssets? assets = null, ImageMode images = ImageMode.Hosted) =>
        await new SignatureRenderer(assets ?? new DictionaryAssets())
            .RenderAsync(new SignatureTemplate("test", html, text, images), model ?? Ana(), CancellationToken.None);

    public static async Task<string> HtmlAsync(string html, SignatureModel? model = null, ISignatureAssets? assets = null) =>
        (await RenderAsync(html, "", model, assets)).Html;

    public static async Task<string> TextAsync(string text, SignatureModel? model = null, ISignatureAssets? assets = null) =>
        (await RenderAsync("", text, model, assets)).Text;
}
