using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

public sealed class ImageModeTests
{
    private const string Template = "<img src=\"{{ 'logo.png' | asset_url }}\" alt=\"Logo\"><img src=\"/assets/banner.png\" alt=\"\"><img src=\"https://cdn.example.org/photo.jpg\" alt=\"Ana\"><img src=\"{{ 'logo.png' | asset_url }}\" alt=\"again\">";

    [Fact]
    public async Task Hosted_images_point_at_the_public_assets()
    {
        var assets = new DictionaryAssets().Add("logo.png").Add("banner.png");
        var rendered = await Senders.RenderAsync(Template, assets: assets, images: ImageMode.Hosted);
        Assert.Empty(rendered.Images);
        Assert.Contains("src=\"https://envoi.example.com/assets/logo.png\"", rendered.Html);
        Assert.Contains("src=\"https://envoi.example.com/assets/banner.png\"", rendered.Html);
        Assert.Equal(0, assets.Lookups);
    }

    [Fact]
    public async Task Embedded_images_become_cid_references_with_their_bytes_once_each()
    {
        var assets = new DictionaryAssets().Add("logo.png", size: 300).Add("banner.png", "image/jpeg", 500);
        var rendered = await Senders.RenderAsync(Template, assets: assets, images: ImageMode.Embedded);

        Assert.Equal(2, rendered.Images.Count);
        var logo = Assert.Single(rendered.Images, image => image.FileName == "logo.png");
        var banner = Assert.Single(rendered.Images, image => image.FileName == "banner.png");
        Assert.Equal("image/jpeg", banner.ContentType);
        Assert.Equal(300, logo.Content.Length);
        Assert.Matches(@"^logo\.png\.[0-9a-f]{12}@envoi$", logo.ContentId);
        Assert.Equal(2, rendered.Html.Split($"src=\"cid:{logo.ContentId}\"").Length - 1);
        Assert.Contains($"src=\"cid:{banner.ContentId}\"", rendered.Html);
        Assert.Contains("src=\"https://cdn.example.org/photo.jpg\"", rendered.Html);
        Assert.DoesNotContain("/assets/", rendered.Html);
    }

    [Fact]
    public async Task Embedded_social_icons_travel_with_the_message()
    {
        var assets = new DictionaryAssets().Add("social-linkedin.png");
        var rendered = await Senders.RenderAsync("{{ social_icons }}", model: Senders.Ana(("linkedin", "https://linkedin.com/in/ana")), assets: assets, images: ImageMode.Embedded);
        var icon = Assert.Single(rendered.Images);
        Assert.Contains($"src=\"cid:{icon.ContentId}\"", rendered.Html);
    }

    [Fact]
    public async Task Embedding_an_unknown_asset_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<SignatureTemplateException>(() =>
            Senders.RenderAsync("<img src=\"/assets/missing.png\" alt=\"\">", assets: new DictionaryAssets(), images: ImageMode.Embedded));
        Assert.Contains("'missing.png'", error.Message);
        Assert.Contains("no asset", error.Message);
    }
}
