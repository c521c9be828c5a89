using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures.Rules;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Signatures;

/// <summary>
/// Changing signatures on behalf of someone: admins save rules and say which signatures an
/// employee may use; employees pick their defaults among those. Everything is checked as a whole
/// before anything is saved, and audited.
/// </summary>
public sealed class SignatureAdministration(ISignatureStore store, IDirectoryStore directory, AttributeCatalog catalog, TemplateValidator validator, SignatureComposer composer, IAuditLog audit, TimeProvider clock, IEnumerable<ITemplateAdvice> advice)
{
    /// <summary>Names a template cannot take: they are paths of the API beside the templates, or mean "no signature".</summary>
    private static readonly string[] ReservedNames = ["none", "rules", "assets", "preview", "employees", "validate"];

    /// <summary>Validates the template (Liquid, HTML, unknown names, weight) and saves it only when it has no errors.</summary>
    public async Task<(DirectoryResult Result, TemplateReport? Report)> SaveTemplateAsync(string actor, SignatureTemplate template, CancellationToken ct)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(template.Name, "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$") || ReservedNames.Contains(template.Name, StringComparer.OrdinalIgnoreCase))
            return (DirectoryResult.Fail(DirectoryOutcome.Invalid, $"'{template.Name}' cannot name a signature: use letters, digits, '-', '_' or '.', at most 64, and not {string.Join(", ", ReservedNames)}."), null);
        var report = await ValidateAsync(template, ct);
        if (!report.IsValid)
            return (DirectoryResult.Fail(DirectoryOutcome.Invalid, $"Signature '{template.Name}' was not saved: fix the errors first.", report.Errors.Select(e => e.ToString()).ToList()), report);
        var existing = await store.TemplateAsync(template.Name, ct);
        // Keep the first spelling of the name, so rules and employees' choices keep pointing at it.
        template = template with { Name = existing?.Name ?? template.Name };
        await store.SaveTemplateAsync(template, ct);
        await AuditAsync(actor, existing is null ? "signature.create" : "signature.update", template.Name, $"html {template.Html.Length} chars, text {template.Text.Length} chars, images {template.Images}", ct,
            AuditSnapshot.Of(existing), AuditSnapshot.Of(template));
        return (DirectoryResult.Done($"Signature '{template.Name}' saved."), report);
    }

    /// <summary>Checks a template against the directory's attributes and a sample sender with every attribute filled.</summary>
    public async Task<TemplateReport> ValidateAsync(SignatureTemplate template, CancellationToken ct)
    {
        var attributes = await catalog.AllAsync(ct);
        var sample = SampleSender.For(attributes);
        var report = await validator.ValidateAsync(template, attributes.Select(a => a.Name).ToList(), composer.ModelFor(sample), ct);
        // Advice (the Green IT weight budget, the brand palette) is warnings, never reasons to refuse.
        var issues = report.Issues.ToList();
        foreach (var adviser in advice) issues.AddRange(await adviser.CheckAsync(template, sample, ct));
        return report with { Issues = issues };
    }

    public async Task<DirectoryResult> SaveRulesAsync(string actor, IReadOnlyList<SignatureRule> rules, CancellationToken ct)
    {
        var names = (await store.TemplatesAsync(ct)).Select(t => t.Name).ToList();
        var problems = RuleProblems.Find(rules, names);
        if (problems.Count > 0) return DirectoryResult.Fail(DirectoryOutcome.Invalid, "The rules were not saved.", problems);
        var before = await store.RulesAsync(ct);
        await store.SaveRulesAsync(rules, ct);
        await AuditAsync(actor, "signature-rules.save", "signature-rules", JsonSerializer.Serialize(rules.Select(r => r.Name), RulesJson.Options), ct,
            RulesSnapshot(before), RulesSnapshot(rules));
        return DirectoryResult.Done($"{rules.Count} rule(s) saved.");
    }

    public async Task<DirectoryResult> DeleteTemplateAsync(string actor, string name, CancellationToken ct)
    {
        var usedBy = (await store.RulesAsync(ct)).Where(r => string.Equals(r.Then.Signature, name, StringComparison.OrdinalIgnoreCase)).Select(r => r.Name).ToList();
        if (usedBy.Count > 0)
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, $"Signature '{name}' is used by rule(s) {string.Join(", ", usedBy.Select(r => $"'{r}'"))}; change them first.");
        var existing = await store.TemplateAsync(name, ct);
        if (!await store.DeleteTemplateAsync(name, ct)) return DirectoryResult.Fail(DirectoryOutcome.NotFound, $"No signature named '{name}'.");
        await AuditAsync(actor, "signature.delete", name, "", ct, AuditSnapshot.Of(existing));
        return DirectoryResult.Done($"Signature '{name}' deleted.");
    }

    /// <summary>Admin: the signatures an employee may choose from. Their defaults outside the new list are dropped.</summary>
    public async Task<DirectoryResult> SetAllowedAsync(string actor, string email, IReadOnlyList<string> allowed, CancellationToken ct)
    {
        var employee = await directory.FindAsync(email, ct);
        if (employee is null) return DirectoryResult.Fail(DirectoryOutcome.NotFound, $"No employee {email}.");
        var templates = (await store.TemplatesAsync(ct)).Select(t => t.Name).ToList();
        var unknown = allowed.Where(a => !a.Equals("none", StringComparison.OrdinalIgnoreCase) && !templates.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, "Unknown signatures.", unknown.Select(u => $"there is no signature named '{u}'").ToList());
        // Store the template's own spelling, so later comparisons and listings agree.
        var canonical = allowed.Select(a => templates.FirstOrDefault(t => t.Equals(a, StringComparison.OrdinalIgnoreCase)) ?? "none").Distinct().ToList();
        var current = await store.ChoicesAsync(employee.Id, ct);
        var defaults = current.Defaults.Where(d => canonical.Contains(d.Value, StringComparer.OrdinalIgnoreCase)).ToDictionary();
        await store.SaveChoicesAsync(employee.Id, new EmployeeSignatureChoices(canonical, defaults), ct);
        await AuditAsync(actor, "signature.allow", employee.Email, string.Join(", ", canonical), ct,
            AuditSnapshot.Of(new { allowed = current.Allowed }), AuditSnapshot.Of(new { allowed = canonical }));
        return DirectoryResult.Done($"{employee.Email} may use {(canonical.Count == 0 ? "no personal choice" : string.Join(", ", canonical))}.");
    }

    /// <summary>Employee: their default signature per context, among those allowed (null or empty value: back to the rules).</summary>
    public async Task<DirectoryResult> SetDefaultsAsync(string email, IReadOnlyDictionary<string, string?> defaults, CancellationToken ct)
    {
        var employee = await directory.FindAsync(email, ct);
        if (employee is not { Active: true }) return DirectoryResult.Fail(DirectoryOutcome.NotFound, $"{email} is not an active employee in the company directory.");
        var current = await store.ChoicesAsync(employee.Id, ct);
        var updated = current.Defaults.ToDictionary();
        var problems = new List<string>();
        foreach (var (key, value) in defaults)
        {
            if (SignatureContexts.FromWire(key) is not { } context) { problems.Add($"'{key}' is not a context (new-internal, new-external, reply-internal, reply-external)"); continue; }
            if (string.IsNullOrWhiteSpace(value)) { updated.Remove(context); continue; }
            var allowed = current.Allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (allowed is null) problems.Add($"you may not use signature '{value}' (allowed: {(current.Allowed.Count == 0 ? "none" : string.Join(", ", current.Allowed))})");
            else updated[context] = allowed;
        }
        if (problems.Count > 0) return DirectoryResult.Fail(DirectoryOutcome.Forbidden, "Nothing was changed.", problems);
        await store.SaveChoicesAsync(employee.Id, current with { Defaults = updated }, ct);
        await AuditAsync(email, "signature.defaults", employee.Email, string.Join(", ", updated.Select(d => $"{d.Key.ToWire()}={d.Value}")), ct,
            AuditSnapshot.Of(current.Defaults.ToDictionary(d => d.Key.ToWire(), d => d.Value)), AuditSnapshot.Of(updated.ToDictionary(d => d.Key.ToWire(), d => d.Value)));
        return DirectoryResult.Done("Your default signatures were saved.");
    }

    private Task AuditAsync(string actor, string action, string subject, string details, CancellationToken ct, string? before = null, string? after = null) =>
        audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, action, subject, details, before, after)], ct);

    /// <summary>Rules in the JSON an admin edits (RulesJson's names), indented so a changed condition reads as one changed line.</summary>
    private static string RulesSnapshot(IReadOnlyList<SignatureRule> rules) =>
        JsonSerializer.Serialize(rules, new JsonSerializerOptions(RulesJson.Options) { WriteIndented = true });
}
