using System.Text.RegularExpressions;

namespace Envoi.Core.Checks.Catalog;

/// <summary>Payment card numbers and IBANs (confirmed by their checksums) in the subject or the new text, and the organization's own patterns.</summary>
public sealed class SensitiveDataCheck(CheckOptions options) : ISendSafetyCheck
{
    public const string Id = "sensitive-data";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Warn;
    public string Description => "The subject or new text holds a payment card number or IBAN (checksums confirmed), or matches Checks:SensitivePatterns.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message contains sensitive data ({0}).",
        ["fr"] = "Votre message contient des données sensibles ({0}).",
        ["es"] = "Su mensaje contiene datos sensibles ({0}).",
        ["de"] = "Ihre Nachricht enthält sensible Daten ({0}).",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct)
    {
        var text = $"{subject.Message.Subject}\n{subject.AuthorText}";
        var found = SensitiveData.Find(text).Select(m => $"{m.Kind} {m.Masked}").ToList();
        // The organization's patterns are admin input: a time limit keeps a catastrophic one from stalling the gateway.
        foreach (var pattern in options.SensitivePatterns)
            if (Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50))) found.Add(pattern);
        return ValueTask.FromResult(found.Count > 0 ? CheckHit.One(string.Join(", ", found)) : CheckHit.None);
    }
}
