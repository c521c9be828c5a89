namespace Envoi.Core.Checks.Catalog;

/// <summary>Many recipients in To and Cc see each other's addresses: Bcc was probably meant.</summary>
public sealed class ManyRecipientsCheck(CheckOptions options) : ISendSafetyCheck
{
    public const string Id = "many-recipients";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Log;
    public string Description => "More visible (To and Cc) recipients than Checks:MaxVisibleRecipients.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message shows {0} recipients to each other; consider Bcc.",
        ["fr"] = "Votre message montre {0} destinataires les uns aux autres ; pensez au Cci.",
        ["es"] = "Su mensaje muestra {0} destinatarios entre sí; considere usar CCO.",
        ["de"] = "Ihre Nachricht zeigt {0} Empfänger einander; verwenden Sie besser Bcc.",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct)
    {
        var visible = subject.Message.To.Mailboxes.Count() + subject.Message.Cc.Mailboxes.Count();
        return ValueTask.FromResult(visible > options.MaxVisibleRecipients ? CheckHit.One(visible) : CheckHit.None);
    }
}
