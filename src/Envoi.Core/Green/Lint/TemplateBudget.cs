using Envoi.Core.Green.Traffic;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Green.Lint;

/// <summary>
/// The Green IT checks of a template, added to <see cref="TemplateValidator"/>'s report when it is
/// saved or validated: its full weight for the sample sender (HTML, text, embedded and hosted images)
/// against <see cref="GreenOptions.BudgetBytes"/>, and <see cref="BrandLint"/>.
/// </summary>
public sealed class TemplateBudget(SignatureComposer composer, ISignatureAssetStore assets, LinkSigningKey links, GreenOptions options) : ITemplateAdvice
{
    public async Task<IReadOnlyList<TemplateIssue>> CheckAsync(SignatureTemplate template, SignatureSender sample, CancellationToken ct)
    {
        var issues = BrandLint.Check(template.Html, options).ToList();
        RenderedSignature rendered;
        try
        {
            rendered = await composer.RenderAsync(template, sample, ct);
        }
        catch (SignatureTemplateException)
        {
            return issues; // the validator reports why it does not render
        }
        var sizes = (await assets.ListAsync(ct)).ToDictionary(a => a.Name, a => a.Bytes, StringComparer.Ordinal);
        var weight = SignatureWeight.Of(rendered, links.BaseUrl, sizes);
        if (weight.TotalBytes > options.BudgetBytes)
            issues.Add(new TemplateIssue(IssueSeverity.Warning, TemplateForm.Html, "green-budget", null, null,
                $"The signature weighs {Kb(weight.TotalBytes)} (HTML {Kb(weight.HtmlBytes)}, text {Kb(weight.TextBytes)}, embedded images {Kb(weight.EmbeddedImageBytes)}, hosted images {Kb(weight.HostedImageBytes)}), over the {Kb(options.BudgetBytes)} budget: run 'envoi images optimize' or use lighter images."));
        return issues;
    }

    private static string Kb(int bytes) => $"{bytes / 1024.0:0.#} KB";
}
