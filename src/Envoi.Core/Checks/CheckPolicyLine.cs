namespace Envoi.Core.Checks;

/// <summary>One check as the policy applies it: for everyone, and in each group that sets its own action.</summary>
public sealed record CheckPolicyLine(string Id, string Description, CheckAction DefaultAction, CheckAction Action, IReadOnlyDictionary<string, CheckAction> Groups);
