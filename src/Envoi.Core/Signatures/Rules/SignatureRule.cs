using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Rules;

/// <summary>
/// One line of the admin's ordered rule list: when every condition holds, the message gets
/// <see cref="RuleOutcome.Signature"/> (or none). First match wins.
/// </summary>
public sealed record SignatureRule(string Name, RuleConditions When, RuleOutcome Then, bool Enabled = true);

/// <summary>
/// Conditions of a rule. An empty list or a null value means "any"; every condition given must hold.
/// Values are compared case-insensitively.
/// </summary>
public sealed record RuleConditions
{
    /// <summary>The sender belongs to at least one of these directory groups.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>The sender's attribute has one of the values (<c>department</c>, <c>subsidiary</c>, any custom one; <c>*</c> wildcards allowed).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public RecipientScope Recipients { get; init; } = RecipientScope.Any;
    /// <summary>At least one recipient's domain matches (<c>example.com</c>, <c>*.example.com</c>, <c>*.de</c>).</summary>
    public IReadOnlyList<string> RecipientDomains { get; init; } = [];
    public IReadOnlyList<MessageKind> Kinds { get; init; } = [];
    /// <summary>The language the message is written for (two-letter codes; <c>fr</c> also matches <c>fr-CA</c>).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }
}

public enum RecipientScope
{
    Any,
    AllInternal,
    AnyExternal,
}

/// <summary>
/// What a matching rule decides. <see cref="Signature"/> null means "no signature".
/// <see cref="Enforced"/> makes the rule win over the employee's own choice (legal disclaimers).
/// <see cref="BannerSlot"/> names the place a campaign banner may fill.
/// <see cref="OncePerThread"/>: on a reply or forward whose quoted thread already holds this signature,
/// the signature to use instead (a short reply signature), or <c>none</c>; the full one is not repeated
/// under every message of a long thread. <see cref="MobileSignOff"/>: whether a "Sent from my iPhone" line
/// the author's client wrote stays above the signature or is replaced by it.
/// </summary>
public sealed record RuleOutcome(string? Signature, string? BannerSlot = null, bool Enforced = false, string? OncePerThread = null,
    MobileSignOff MobileSignOff = MobileSignOff.Keep)
{
    public const string None = "none";
}

public enum MobileSignOff
{
    Keep,
    Replace,
}
