namespace Envoi.Core.Checks.Catalog;

/// <summary>The signature rules would leave this message unsigned by mistake (no rule applies, a sender unknown to the directory).</summary>
public sealed class MissingSignatureCheck(ISignatureCoverage? signatures) : ISendSafetyCheck
{
    public const string Id = "missing-signature";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Log;
    public string Description => "No signature would be added, and no rule says none is intended.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "No signature will be added to your message: {0}.",
        ["fr"] = "Aucune signature ne sera ajoutée à votre message : {0}.",
        ["es"] = "No se añadirá ninguna firma a su mensaje: {0}.",
        ["de"] = "Ihrer Nachricht wird keine Signatur hinzugefügt: {0}.",
    };

    public async ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct) =>
        signatures is not null && await signatures.MissingBecauseAsync(subject.Message, subject.Input.Sender, subject.Input.Recipients, ct) is { } why
            ? CheckHit.One(why) : CheckHit.None;
}
