namespace Envoi.Core.Checks.Catalog;

/// <summary>An outside recipient domain one or two keystrokes (or a homoglyph) from a domain the organization knows.</summary>
public sealed class LookalikeDomainCheck(CheckOptions options, IMailHistory history) : ISendSafetyCheck
{
    public const string Id = "lookalike-domain";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Hold;
    public string Description => "An outside recipient domain imitates a known one (own domains, Checks:KnownDomains, domains written to before).";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "The recipient domain {0} looks like {1}: check the address.",
        ["fr"] = "Le domaine du destinataire {0} ressemble à {1} : vérifiez l'adresse.",
        ["es"] = "El dominio del destinatario {0} se parece a {1}: revise la dirección.",
        ["de"] = "Die Empfängerdomain {0} ähnelt {1}: bitte prüfen Sie die Adresse.",
    };

    public async ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct)
    {
        if (subject.ExternalDomains.Count == 0) return CheckHit.None;
        var known = (await history.KnownDomainsAsync(ct)).Concat(options.KnownDomains).Concat(subject.InternalDomains)
            .Select(d => d.ToLowerInvariant()).ToHashSet();
        return subject.ExternalDomains
            .Select(domain => LookalikeDomains.Imitated(domain, known) is { } imitated ? new CheckHit(domain, imitated) : null)
            .OfType<CheckHit>().ToList();
    }
}
