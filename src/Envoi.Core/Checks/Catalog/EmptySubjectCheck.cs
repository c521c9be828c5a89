namespace Envoi.Core.Checks.Catalog;

/// <summary>A message without a subject.</summary>
public sealed class EmptySubjectCheck : ISendSafetyCheck
{
    public const string Id = "empty-subject";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Log;
    public string Description => "The message has no subject.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message has no subject.",
        ["fr"] = "Votre message n'a pas d'objet.",
        ["es"] = "Su mensaje no tiene asunto.",
        ["de"] = "Ihre Nachricht hat keinen Betreff.",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct) =>
        ValueTask.FromResult(string.IsNullOrWhiteSpace(subject.Message.Subject) ? CheckHit.One() : CheckHit.None);
}
