namespace Envoi.Core.Checks;

/// <summary>
/// A policy naming a check that does not exist (a typo in <c>Checks:Actions</c> or a group's
/// overrides) would silently leave the intended check at its default: Envoi refuses to start instead.
/// </summary>
public static class CheckPolicyProblems
{
    public static IReadOnlyList<string> Of(CheckOptions options, IReadOnlyList<ISendSafetyCheck> checks)
    {
        var known = checks.Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = options.Actions.Keys.Select(id => (Where: "Checks:Actions", Id: id))
            .Concat(options.Groups.SelectMany(g => g.Value.Keys.Select(id => (Where: $"Checks:Groups:{g.Key}", Id: id))));
        return named.Where(n => !known.Contains(n.Id))
            .Select(n => $"{n.Where}:{n.Id} is not a send-safety check; the checks are {string.Join(", ", checks.Select(c => c.Id))}.")
            .ToList();
    }
}
