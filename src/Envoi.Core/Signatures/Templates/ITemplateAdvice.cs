using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Warnings on a template beyond what the validator knows (the Green IT weight budget and brand
/// palette): asked whenever a template is validated or saved, never a reason to refuse it. The
/// capabilities that give advice implement this, so templates need to know none of them.
/// </summary>
public interface ITemplateAdvice
{
    Task<IReadOnlyList<TemplateIssue>> CheckAsync(SignatureTemplate template, SignatureSender sample, CancellationToken ct);
}
