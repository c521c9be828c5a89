namespace Envoi.Core.Checks.Catalog;

/// <summary>A recipient the sender never wrote to, one or two keystrokes from someone the sender writes to often.</summary>
public sealed class FirstTimeRecipientCheck(CheckOptions options, IMailHistory history) : ISendSafetyCheck
{
    public const string Id = "first-time-recipient";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Warn;
    public string Description => "A first-time recipient looks like a frequent contact of the sender (a typo in the address).";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "You have never written to {0}, but often to {1}: is it the right address?",
        ["fr"] = "Vous n'avez jamais écrit à {0}, mais souvent à {1} : est-ce la bonne adresse ?",
        ["es"] = "Nunca ha escrito a {0}, pero sí a menudo a {1}: ¿es la dirección correcta?",
        ["de"] = "Sie haben noch nie an {0} geschrieben, aber oft an {1}: ist die Adresse richtig?",
    };

    public async ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct)
    {
        var input = subject.Input;
        if (input.Sender.Length == 0) return CheckHit.None;
        var contacts = await history.ContactsOfAsync(input.Sender, ct);
        var hits = new List<CheckHit>();
        foreach (var recipient in input.Recipients.Select(r => r.ToLowerInvariant()).Distinct().Where(r => !contacts.ContainsKey(r)))
        {
            var near = contacts.Where(c => c.Value >= options.FrequentContactMessages && LookalikeDomains.Distance(recipient, c.Key) <= 2)
                .OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault();
            if (near is not null) hits.Add(new CheckHit(recipient, near));
        }
        return hits;
    }
}
