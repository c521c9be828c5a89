namespace Envoi.Core.Checks.Catalog;

/// <summary>The message leaves the organization.</summary>
public sealed class ExternalRecipientsCheck : ISendSafetyCheck
{
    public const string Id = "external-recipients";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Off;
    public string Description => "The message goes outside the organization (said once: mixed-recipients speaks instead when it is on and applies).";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message goes outside the organization ({0}).",
        ["fr"] = "Votre message sort de l'organisation ({0}).",
        ["es"] = "Su mensaje sale de la organización ({0}).",
        ["de"] = "Ihre Nachricht geht an Empfänger außerhalb der Organisation ({0}).",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct)
    {
        // One sentence about outside recipients is enough: the more precise one wins when the policy uses it.
        var saidByMixed = MixedRecipientsCheck.IsMixed(subject) && subject.ActionOf(MixedRecipientsCheck.Id) != CheckAction.Off;
        return ValueTask.FromResult(subject.ExternalDomains.Count > 0 && !saidByMixed
            ? CheckHit.One(string.Join(", ", subject.ExternalDomains)) : CheckHit.None);
    }
}
