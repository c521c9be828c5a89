using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures;

/// <summary>
/// What a sender's message would get, without sending one: the copies, each one's signature
/// rendered, and the reasoning. Behind <c>envoi render</c> and <c>/api/signatures/preview</c>, so
/// both say exactly what the gateway would do.
/// </summary>
public sealed class SignaturePreview(SignatureResolver resolver, SignatureComposer composer)
{
    public async Task<PreviewResult> PreviewAsync(string sender, IReadOnlyList<string> recipients, MessageKind kind, string? requested, CancellationToken ct)
    {
        // Without recipients the question is "what do I get when writing to a colleague".
        var to = recipients.Count > 0 ? recipients : [sender];
        var plan = await resolver.PlanAsync([sender], to, kind, requested, ct);
        var copies = new List<PreviewCopy>();
        foreach (var decision in plan.Copies)
        {
            RenderedSignature? rendered = null;
            string? error = null;
            if (plan.Sender is not null && decision.Template is not null)
            {
                try { rendered = await composer.RenderAsync(decision.Template, plan.Sender, ct); }
                catch (Exception e) when (e is not OperationCanceledException) { error = e.Message; }
            }
            copies.Add(new PreviewCopy(decision, rendered, error));
        }
        return new PreviewResult(plan.Sender?.Employee.Email, copies);
    }
}

public sealed record PreviewResult(string? Sender, IReadOnlyList<PreviewCopy> Copies);

/// <param name="Error">Why rendering failed (a template error, a missing image), when it did.</param>
public sealed record PreviewCopy(SignatureDecision Decision, RenderedSignature? Rendered, string? Error);
