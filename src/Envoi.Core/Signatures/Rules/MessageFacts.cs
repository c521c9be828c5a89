using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Rules;

/// <summary>What rules may ask about the sender: their effective directory values and groups.</summary>
public sealed record SenderFacts(string Email, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> Groups)
{
    public string? Attribute(string name) =>
        name.Equals("email", StringComparison.OrdinalIgnoreCase) ? Email
        : Attributes.FirstOrDefault(a => a.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>One recipient as rules see it: its domain, whether it is inside the organization, and its language.</summary>
public sealed record RecipientFacts(string Address, string Domain, bool Internal, string? Language);

/// <summary>Everything a rule is evaluated against for one copy of a message.</summary>
public sealed record MessageFacts(SenderFacts Sender, IReadOnlyList<RecipientFacts> Recipients, MessageKind Kind, DateTimeOffset At)
{
    public bool AllInternal => Recipients.All(r => r.Internal);

    /// <summary>The recipients' language when they share one, else the sender's preferred language.</summary>
    public string? Language
    {
        get
        {
            var languages = Recipients.Select(r => r.Language).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return languages is [{ } only] ? only : Sender.Attribute(Directory.StandardAttributes.PreferredLanguage);
        }
    }
}
