using Fluid;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Renders a signature template for one sender: the HTML form with every value HTML-encoded (an
/// attribute holding <c>&lt;script&gt;</c> shows as text), then finished by <see cref="HtmlFinisher"/>
/// and, for embedded images, <see cref="ImageEmbedder"/>; the text form without encoding, tidied
/// by <see cref="TextFinisher"/>. Parsed templates are cached by source text. Variables and
/// helpers are listed in README.md next to this file.
/// </summary>
public sealed class SignatureRenderer(ISignatureAssets assets)
{
    private readonly TemplateCache _cache = new();

    public TemplateCache Cache => _cache;

    /// <exception cref="SignatureTemplateException">The template is not valid Liquid, runs too long, or embeds an unknown asset.</exception>
    public async Task<RenderedSignature> RenderAsync(SignatureTemplate template, SignatureModel model, CancellationToken ct)
    {
        var html = _cache.Get(template.Html, template.Name, TemplateForm.Html);
        var text = _cache.Get(template.Text, template.Name, TemplateForm.Text);
        var socialIcons = html.Names.Uses("social_icons")
            ? await SocialIcons.AvailableAsync(assets, ct)
            : new HashSet<string>();

        var renderedHtml = await RenderFormAsync(html, new RenderScope(TemplateForm.Html, model, socialIcons), template.Name);
        var renderedText = await RenderFormAsync(text, new RenderScope(TemplateForm.Text, model, socialIcons), template.Name);

        var finisher = HtmlFinisher.Parse(renderedHtml)
            .RemoveActiveContent()
            .KeepOnlySafeUrls(model.BaseUrl)
            .RemoveEmptyOptionalElements(model);
        IReadOnlyList<SignatureImage> images = template.Images == ImageMode.Embedded
            ? await ImageEmbedder.EmbedAsync(finisher.Root, model, assets, template.Name, ct)
            : [];
        return new RenderedSignature(template.Name, finisher.ToHtml().Trim(), TextFinisher.Clean(renderedText), images);
    }

    private static async Task<string> RenderFormAsync(ParsedTemplate template, RenderScope scope, string templateName)
    {
        var context = SignatureHelpers.CreateContext(template, scope);
        try
        {
            return await template.Fluid.RenderAsync(context, Markup.EncoderFor(scope.Form));
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException or FormatException or ArgumentException)
        {
            throw new SignatureTemplateException(
                $"The {scope.Form.ToString().ToLowerInvariant()} form of the signature '{templateName}' could not be rendered: {e.Message}", e);
        }
    }
}
