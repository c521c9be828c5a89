namespace Envoi.Core.Checks.Catalog;

/// <summary>A message larger than the organization wants mailed (a link to a shared file would do).</summary>
public sealed class MessageSizeCheck(CheckOptions options) : ISendSafetyCheck
{
    public const string Id = "message-size";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Off;
    public string Description => "The message is larger than Checks:MaxMessageBytes.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message is {0} MB; the limit for this check is {1} MB.",
        ["fr"] = "Votre message fait {0} Mo ; la limite de ce contrôle est {1} Mo.",
        ["es"] = "Su mensaje ocupa {0} MB; el límite de esta comprobación es {1} MB.",
        ["de"] = "Ihre Nachricht ist {0} MB groß; die Grenze dieser Prüfung ist {1} MB.",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct) =>
        ValueTask.FromResult(subject.Input.SizeBytes > options.MaxMessageBytes
            ? CheckHit.One(Megabytes(subject.Input.SizeBytes), Megabytes(options.MaxMessageBytes)) : CheckHit.None);

    private static double Megabytes(long bytes) => Math.Round(bytes / 1048576.0, 1);
}
