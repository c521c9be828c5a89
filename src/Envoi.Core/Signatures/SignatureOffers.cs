using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures;

/// <summary>
/// The signatures a sender may pick for the message they are writing (the Outlook add-in's
/// picker): each rendered for them, the one the rules would add marked with the reason, and for
/// each whether picking it (the <c>X-Envoi-Signature</c> header) really changes what the gateway
/// adds. Every answer comes from <see cref="SignatureResolver"/> itself, asked once per option, so
/// the picker can never promise what the gateway would not do.
/// </summary>
public sealed class SignatureOffers(SignatureResolver resolver, ISignatureStore store, SignatureComposer composer)
{
    /// <summary>The <c>X-Envoi-Signature</c> value that asks for no signature.</summary>
    public const string None = "none";

    /// <returns>Null when the sender is not an active employee (nothing would be signed).</returns>
    public async Task<SignatureOfferList?> ForAsync(string sender, IReadOnlyList<string> recipients, MessageKind kind, CancellationToken ct)
    {
        // Without recipients yet (a new draft), the sender's own address stands for "a colleague".
        var to = recipients.Count > 0 ? recipients : [sender];
        var plan = await resolver.PlanAsync([sender], to, kind, null, ct);
        if (plan.Sender is not { } author) return null;

        var choices = await store.ChoicesAsync(author.Employee.Id, ct);
        var names = plan.Copies.Where(c => c.Template is not null).Select(c => c.Template!.Name)
            .Concat(choices.Allowed.Where(a => !a.Equals(None, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (string?)n).ToList();
        if (choices.Allows(None) || plan.Copies.Any(c => c.Template is null && !c.Missing)) names.Add(null);

        var offers = new List<SignatureOffer>();
        foreach (var name in names)
        {
            var chosen = plan.Copies.Where(c => string.Equals(c.Template?.Name, name, StringComparison.OrdinalIgnoreCase) && !(name is null && c.Missing)).ToList();
            var picked = await resolver.PlanAsync([sender], to, kind, name ?? None, ct);
            var honoured = picked.Copies.All(c => string.Equals(c.Template?.Name, name, StringComparison.OrdinalIgnoreCase));
            var ignoredBecause = honoured ? null : picked.Copies.SelectMany(c => c.Trace).FirstOrDefault(t => t.Contains("ignored", StringComparison.Ordinal))
                ?? $"the rules decide: {string.Join("; ", picked.Copies.Select(c => c.Reason))}";
            RenderedSignature? rendered = null;
            string? error = null;
            if (name is not null)
            {
                try
                {
                    rendered = await store.TemplateAsync(name, ct) is { } template ? await composer.RenderAsync(template, author, ct) : null;
                    if (rendered is null) error = $"signature '{name}' does not exist";
                }
                catch (Exception e) when (e is not OperationCanceledException) { error = e.Message; }
            }
            offers.Add(new SignatureOffer(name, chosen.Count > 0, chosen.Count > 0 ? string.Join("; ", chosen.Select(c => c.Reason).Distinct()) : null,
                chosen.SelectMany(c => c.Recipients).ToList(), honoured, ignoredBecause, rendered, error));
        }
        return new SignatureOfferList(author.Employee.Email, kind, offers);
    }
}

/// <param name="Sender">The employee the signatures are rendered for.</param>
public sealed record SignatureOfferList(string Sender, MessageKind Kind, IReadOnlyList<SignatureOffer> Offers);

/// <summary>One option of the picker.</summary>
/// <param name="Name">The signature; null for "no signature".</param>
/// <param name="ChosenByRules">What the gateway adds when the sender picks nothing (for <see cref="Recipients"/>).</param>
/// <param name="Reason">Why it is chosen: the rule, the sender's default, an enforced rule.</param>
/// <param name="Honoured">Whether picking it makes the gateway use it for every recipient (an enforced rule may not let it).</param>
/// <param name="IgnoredBecause">When not honoured, why.</param>
public sealed record SignatureOffer(string? Name, bool ChosenByRules, string? Reason, IReadOnlyList<string> Recipients, bool Honoured, string? IgnoredBecause, RenderedSignature? Rendered, string? Error);
