using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Web.Signatures;

public sealed record TemplateDto(string Name, string Html, string Text, string Images, string? Description)
{
    public static TemplateDto Of(SignatureTemplate t) => new(t.Name, t.Html, t.Text, t.Images == ImageMode.Embedded ? "embedded" : "hosted", t.Description);
}

public sealed record TemplateRequest(string? Html, string? Text, string? Images, string? Description);

public sealed record AllowedRequest(List<string>? Allowed);

public sealed record ChoicesDto(IReadOnlyList<string> Allowed, IReadOnlyDictionary<string, string> Defaults)
{
    public static ChoicesDto Of(EmployeeSignatureChoices c) => new(c.Allowed, c.Defaults.ToDictionary(d => d.Key.ToWire(), d => d.Value));
}

public sealed record PreviewCopyDto(IReadOnlyList<string> Recipients, string? Signature, string? BannerSlot, string Reason, IReadOnlyList<string> Trace, string? Html, string? Text, int Images, string? Error);

public sealed record PreviewDto(string? Sender, IReadOnlyList<PreviewCopyDto> Copies)
{
    public static PreviewDto Of(PreviewResult result) => new(result.Sender, result.Copies.Select(c => new PreviewCopyDto(
        c.Decision.Recipients, c.Decision.Template?.Name, c.Decision.BannerSlot, c.Decision.Reason, c.Decision.Trace,
        c.Rendered?.Html, c.Rendered?.Text, c.Rendered?.Images.Count ?? 0, c.Error)).ToList());
}

public sealed record IssueDto(string Severity, string Form, string Code, int? Line, int? Column, string Message);

public sealed record ReportDto(bool Valid, IReadOnlyList<IssueDto> Issues, int HtmlBytes, int ImageBytes, int TotalBytes)
{
    public static ReportDto Of(TemplateReport r) => new(r.IsValid,
        r.Issues.Select(i => new IssueDto(i.Severity.ToString().ToLowerInvariant(), i.Form.ToString().ToLowerInvariant(), i.Code, i.Line, i.Column, i.Message)).ToList(),
        r.HtmlBytes, r.ImageBytes, r.TotalBytes);
}

/// <summary>One option of the add-in's picker; <c>name</c> null is "no signature".</summary>
public sealed record SignatureOfferDto(string? Name, string Header, bool ChosenByRules, string? Reason, IReadOnlyList<string> Recipients, bool Honoured, string? IgnoredBecause, string? Html, string? Text, string? Error);

/// <summary>
/// <c>GET /api/me/signatures</c>: what the sender may pick (<c>allowed</c>, <c>defaults</c>, as before)
/// and, for the recipients and kind asked, every option rendered, plus the sender's undo window.
/// </summary>
public sealed record MySignaturesDto(IReadOnlyList<string> Allowed, IReadOnlyDictionary<string, string> Defaults, string Sender, string Kind, int UndoWindowSeconds, IReadOnlyList<SignatureOfferDto> Signatures)
{
    public static MySignaturesDto Of(ChoicesDto choices, SignatureOfferList offers, TimeSpan undoWindow) =>
        new(choices.Allowed, choices.Defaults, offers.Sender, offers.Kind.ToString().ToLowerInvariant(), (int)undoWindow.TotalSeconds,
            offers.Offers.Select(o => new SignatureOfferDto(o.Name, o.Name ?? SignatureOffers.None, o.ChosenByRules, o.Reason, o.Recipients, o.Honoured, o.IgnoredBecause,
                o.Rendered?.Html, o.Rendered?.Text, o.Error)).ToList());
}
