using System.Text;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Checks a template before it is saved: Liquid syntax (with Fluid's line and column), names that
/// are neither attributes nor helpers nor defined by the template, unknown filters, broken or
/// forbidden HTML (<see cref="HtmlSourceCheck"/>), and the weight of the HTML form rendered for a
/// sample sender. Unknown names are errors: Liquid would render them as nothing, silently, and a
/// typo like <c>{{ jobtitel }}</c> would only be seen by recipients.
/// </summary>
public sealed class TemplateValidator(SignatureRenderer renderer)
{
    /// <summary>Above this the HTML alone is heavy for a signature (most are 2–6 KB).</summary>
    public const int HtmlWarningBytes = 10 * 1024;

    /// <summary>Above this every message carries a heavy signature; Gmail clips messages over 102 KB.</summary>
    public const int TotalWarningBytes = 50 * 1024;

    public async Task<TemplateReport> ValidateAsync(SignatureTemplate template, IReadOnlyCollection<string> knownAttributes, SignatureModel sample, CancellationToken ct)
    {
        var issues = new List<TemplateIssue>();
        var known = new HashSet<string>(knownAttributes, StringComparer.OrdinalIgnoreCase);
        known.UnionWith(Directory.StandardAttributes.All.Select(attribute => attribute.Name));
        known.UnionWith(SignatureHelpers.Variables);

        var htmlParses = CheckLiquid(template.Html, TemplateForm.Html, known, issues);
        var textParses = CheckLiquid(template.Text, TemplateForm.Text, known, issues);
        issues.AddRange(HtmlSourceCheck.Check(template.Html));
        if (string.IsNullOrWhiteSpace(template.Text))
            issues.Add(new TemplateIssue(IssueSeverity.Warning, TemplateForm.Text, "text-empty", null, null,
                "The text form is empty: recipients who read mail as plain text will see no signature."));

        var (htmlBytes, imageBytes) = (0, 0);
        if (htmlParses && textParses)
        {
            try
            {
                var rendered = await renderer.RenderAsync(template, sample, ct);
                htmlBytes = Encoding.UTF8.GetByteCount(rendered.Html);
                imageBytes = rendered.Images.Sum(image => image.Content.Length);
                CheckWeight(htmlBytes, imageBytes, issues);
            }
            catch (SignatureTemplateException e)
            {
                issues.Add(new TemplateIssue(IssueSeverity.Error, TemplateForm.Html, "render-failed", null, null, e.Message));
            }
        }
        return new TemplateReport(issues, htmlBytes, imageBytes);
    }

    private bool CheckLiquid(string source, TemplateForm form, ISet<string> known, List<TemplateIssue> issues)
    {
        var (parsed, error) = renderer.Cache.TryGet(source, form);
        if (parsed is null)
        {
            issues.Add(new TemplateIssue(IssueSeverity.Error, form, "liquid-syntax", error!.Line, error.Column, $"Liquid syntax error: {error.Message}."));
            return false;
        }
        foreach (var name in parsed.Names.UnknownVariables(known))
        {
            var at = LiquidRegions.FindVariable(source, name);
            issues.Add(new TemplateIssue(IssueSeverity.Error, form, "unknown-variable", at?.Line, at?.Column,
                $"'{name}' is not an attribute, a helper or a variable set by the template{Suggestion(name, known)}."));
        }
        foreach (var filter in parsed.Names.Filters.Where(filter => !SignatureHelpers.Filters.Contains(filter)).Order(StringComparer.Ordinal))
        {
            var at = LiquidRegions.FindFilter(source, filter);
            issues.Add(new TemplateIssue(IssueSeverity.Error, form, "unknown-filter", at?.Line, at?.Column,
                $"There is no filter '{filter}'{Suggestion(filter, SignatureHelpers.Filters)}."));
        }
        return true;
    }

    private static void CheckWeight(int htmlBytes, int imageBytes, List<TemplateIssue> issues)
    {
        if (htmlBytes > HtmlWarningBytes)
            issues.Add(new TemplateIssue(IssueSeverity.Warning, TemplateForm.Html, "weight-html", null, null,
                $"The HTML form weighs {Kb(htmlBytes)} for the sample sender (more than {Kb(HtmlWarningBytes)}): every message carries it, and replies repeat it."));
        if (htmlBytes + imageBytes > TotalWarningBytes)
            issues.Add(new TemplateIssue(IssueSeverity.Warning, TemplateForm.Html, "weight-total", null, null,
                $"The signature adds {Kb(htmlBytes + imageBytes)} to every message, embedded images included (more than {Kb(TotalWarningBytes)}): use hosted images or smaller ones; Gmail clips messages over 102 KB."));
    }

    private static string Kb(int bytes) => $"{bytes / 1024.0:0.#} KB";

    /// <summary>", did you mean 'jobTitle'?" when a known name is one or two edits away.</summary>
    private static string Suggestion(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(c => c.distance <= 2)
            .OrderBy(c => c.distance).ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Select(c => c.candidate)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean '{best}'?)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
