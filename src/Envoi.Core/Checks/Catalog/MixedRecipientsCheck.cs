namespace Envoi.Core.Checks.Catalog;

/// <summary>Colleagues and outside recipients on one message: an internal remark may leak.</summary>
public sealed class MixedRecipientsCheck : ISendSafetyCheck
{
    public const string Id = "mixed-recipients";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Off;
    public string Description => "The message goes to colleagues and to outside recipients at once.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message goes to colleagues and to outside recipients ({0}) at the same time.",
        ["fr"] = "Votre message s'adresse à la fois à des collègues et à des destinataires externes ({0}).",
        ["es"] = "Su mensaje va a la vez a compañeros y a destinatarios externos ({0}).",
        ["de"] = "Ihre Nachricht geht gleichzeitig an Kollegen und an externe Empfänger ({0}).",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct) =>
        ValueTask.FromResult(IsMixed(subject) ? CheckHit.One(string.Join(", ", subject.ExternalDomains)) : CheckHit.None);

    /// <summary>Some recipients are outside the organization and some inside.</summary>
    public static bool IsMixed(CheckSubject subject) =>
        subject.ExternalDomains.Count > 0 && subject.ExternalDomains.Count < subject.RecipientDomains.Count;
}
