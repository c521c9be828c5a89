namespace Envoi.Core.Checks;

/// <summary>
/// One send-safety check: what it is called in the policy, what it does when the policy is silent,
/// what it says to the sender, and how it looks at a message. Every check is listed once in
/// <c>Catalog/CheckList</c>; the gateway, the add-in's <c>/api/checks</c>, the console, the CLI and
/// <c>GET /api/checks</c> all enumerate that list.
/// </summary>
public interface ISendSafetyCheck
{
    /// <summary>The check's name in the policy (<c>Checks:Actions</c>) and in findings, e.g. <c>forgotten-attachment</c>.</summary>
    string Id { get; }

    /// <summary>The organization's action when its policy names none for this check.</summary>
    CheckAction DefaultAction { get; }

    /// <summary>What the check looks for, in one English sentence for admins.</summary>
    string Description { get; }

    /// <summary>What a finding says to the sender, per language code (<c>en</c> always present); {0}, {1}… are a hit's values.</summary>
    IReadOnlyDictionary<string, string> Sentences { get; }

    /// <summary>What the check finds in the message; empty when it finds nothing. Only called when the check is on for this sender.</summary>
    ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct);
}

/// <summary>One thing a check found; its values fill the placeholders of the check's sentence.</summary>
public sealed record CheckHit(params object[] Values)
{
    public static readonly IReadOnlyList<CheckHit> None = [];

    public static IReadOnlyList<CheckHit> One(params object[] values) => [new CheckHit(values)];
}
