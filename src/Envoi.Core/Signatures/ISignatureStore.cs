using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures.Rules;

namespace Envoi.Core.Signatures;

/// <summary>Where signature templates, the rule list and employees' signature choices are kept.</summary>
public interface ISignatureStore
{
    Task<IReadOnlyList<SignatureTemplate>> TemplatesAsync(CancellationToken ct);

    Task<SignatureTemplate?> TemplateAsync(string name, CancellationToken ct);

    /// <summary>Creates or replaces the template with this name.</summary>
    Task SaveTemplateAsync(SignatureTemplate template, CancellationToken ct);

    Task<bool> DeleteTemplateAsync(string name, CancellationToken ct);

    /// <summary>The rules in the order they are tried.</summary>
    Task<IReadOnlyList<SignatureRule>> RulesAsync(CancellationToken ct);

    /// <summary>Replaces the whole list at once, so a reordering is never seen half done.</summary>
    Task SaveRulesAsync(IReadOnlyList<SignatureRule> rules, CancellationToken ct);

    Task<EmployeeSignatureChoices> ChoicesAsync(int employeeId, CancellationToken ct);

    Task SaveChoicesAsync(int employeeId, EmployeeSignatureChoices choices, CancellationToken ct);
}
