using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Signatures;

/// <summary>Renders a template for one sender with what the organization's links are built from.</summary>
public sealed class SignatureComposer(SignatureRenderer renderer, SignatureOptions options, VCardLinks vcards, LinkSigningKey links)
{
    public SignatureModel ModelFor(SignatureSender sender) =>
        new(sender.Employee.Email, sender.Values, sender.Employee.Groups, links.BaseUrl, options.DefaultRegion, vcards.Url(sender.Employee.Id));

    public Task<RenderedSignature> RenderAsync(SignatureTemplate template, SignatureSender sender, CancellationToken ct) =>
        renderer.RenderAsync(template, ModelFor(sender), ct);
}
