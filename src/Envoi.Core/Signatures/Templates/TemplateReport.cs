namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// What <see cref="TemplateValidator"/> found: errors (the template must not be saved), warnings
/// (it works, but look), and the weight of the HTML form rendered for the sample sender.
/// </summary>
/// <param name="HtmlBytes">UTF-8 size of the rendered HTML form.</param>
/// <param name="ImageBytes">Size of the images embedded in each message (0 with hosted images).</param>
public sealed record TemplateReport(IReadOnlyList<TemplateIssue> Issues, int HtmlBytes, int ImageBytes)
{
    public IEnumerable<TemplateIssue> Errors => Issues.Where(issue => issue.Severity == IssueSeverity.Error);
    public IEnumerable<TemplateIssue> Warnings => Issues.Where(issue => issue.Severity == IssueSeverity.Warning);
    public bool IsValid => !Errors.Any();
    public int TotalBytes => HtmlBytes + ImageBytes;
}

/// <param name="Code">Stable identifier for the UI and API (e.g. <c>liquid-syntax</c>, <c>html-unclosed</c>).</param>
/// <param name="Line">1-based, in the template source, when known.</param>
/// <param name="Column">1-based, in the template source, when known.</param>
/// <param name="Message">A sentence for the admin.</param>
public sealed record TemplateIssue(IssueSeverity Severity, TemplateForm Form, string Code, int? Line, int? Column, string Message)
{
    public override string ToString() =>
        $"{Severity} ({Form.ToString().ToLowerInvariant()}{(Line is null ? "" : $", line {Line}, column {Column}")}): {Message}";
}

public enum IssueSeverity
{
    Warning,
    Error,
}
