using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Envoi.Web.Auth;
using Envoi.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Admin;

/// <summary>
/// The template editor: the Liquid sources, a preview for a chosen employee and context (the
/// unsaved text, rendered exactly as the gateway would), the validator's findings and the weight.
/// </summary>
public sealed class TemplateModel(ISignatureStore store, SignatureAdministration admin, SignatureResolver resolver, SignatureComposer composer, ConsolePreviews previews, IStringLocalizer<ConsoleText> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Name { get; set; } = "";
    [BindProperty] public string Html { get; set; } = "";
    [BindProperty] public string Text { get; set; } = "";
    [BindProperty] public string Images { get; set; } = "hosted";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Employee { get; set; }

    public TemplateReport? Report { get; private set; }
    public string? Message { get; private set; }
    public string? PreviewId { get; private set; }
    public string? PreviewText { get; private set; }
    public string? PreviewError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Name.Length == 0) return Page();
        if (await store.TemplateAsync(Name, ct) is not { } template) return NotFound();
        (Html, Text, Images, Description) = (template.Html, template.Text, template.Images.ToString().ToLowerInvariant(), template.Description);
        Employee = User.Email();
        await PreviewAsync(template, ct);
        return Page();
    }

    public async Task OnPostPreviewAsync(CancellationToken ct)
    {
        var template = Current();
        Report = await admin.ValidateAsync(template, ct);
        if (Report.IsValid) await PreviewAsync(template, ct);
    }

    public async Task OnPostSaveAsync(CancellationToken ct)
    {
        var template = Current();
        var (result, report) = await admin.SaveTemplateAsync(User.Email(), template, ct);
        Report = report;
        if (result.Succeeded) Message = result.Message;
        else PreviewError = string.Join(" ", result.Problems.Where(p => report is null || report.Errors.All(e => e.ToString() != p)).Prepend(result.Message));
        if (report?.IsValid == true) await PreviewAsync(template, ct);
    }

    /// <summary>The editor's script posts the form here as the admin types: the preview follows the text.</summary>
    public async Task<IActionResult> OnPostLiveAsync(CancellationToken ct)
    {
        var template = Current();
        Report = await admin.ValidateAsync(template, ct);
        if (Report.IsValid) await PreviewAsync(template, ct);
        return new JsonResult(new
        {
            previewId = PreviewId,
            text = PreviewText,
            error = PreviewError,
            issues = Report.Issues.Select(i => i.ToString()),
            weight = T["Weight: HTML {0} bytes, embedded images {1} bytes.", Report.HtmlBytes.ToString("N0"), Report.ImageBytes.ToString("N0")].Value,
        });
    }

    private SignatureTemplate Current() =>
        new(Name.Trim(), Html, Text, Images == "embedded" ? ImageMode.Embedded : ImageMode.Hosted, string.IsNullOrWhiteSpace(Description) ? null : Description);

    private async Task PreviewAsync(SignatureTemplate template, CancellationToken ct)
    {
        var email = string.IsNullOrWhiteSpace(Employee) ? User.Email() : Employee.Trim();
        var sender = await resolver.FindSenderAsync([email], ct);
        if (sender is null) { PreviewError = T["{0} is not an active employee in the directory: choose someone who is.", email]; return; }
        try
        {
            // Embedded images are shown from /assets here: a browser cannot resolve cid: links.
            var rendered = await composer.RenderAsync(template with { Images = ImageMode.Hosted }, sender, ct);
            PreviewId = previews.Keep(User.Email(), rendered.Html);
            PreviewText = rendered.Text;
        }
        catch (SignatureTemplateException e)
        {
            PreviewError = e.Message;
        }
    }
}
