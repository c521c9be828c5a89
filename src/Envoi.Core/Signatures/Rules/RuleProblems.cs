namespace Envoi.Core.Signatures.Rules;

/// <summary>What is wrong with a rule list before it is saved: a broken rule is refused then, not discovered when mail flows.</summary>
public static class RuleProblems
{
    public static IReadOnlyList<string> Find(IReadOnlyList<SignatureRule> rules, IReadOnlyCollection<string> signatureNames)
    {
        var problems = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var label = $"rule {i + 1} '{rule.Name}'";
            if (string.IsNullOrWhiteSpace(rule.Name)) problems.Add($"rule {i + 1}: a name is required");
            if (rule.Then.Signature is { } name && !signatureNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                problems.Add($"{label}: there is no signature named '{name}'");
            if (rule.Then.OncePerThread is { } instead && !instead.Equals(RuleOutcome.None, StringComparison.OrdinalIgnoreCase)
                && !signatureNames.Contains(instead, StringComparer.OrdinalIgnoreCase))
                problems.Add($"{label}: 'oncePerThread' names no signature: '{instead}' (a signature's name, or \"none\")");
            foreach (var pattern in rule.When.RecipientDomains)
                if (DomainPattern.Problem(pattern) is { } problem) problems.Add($"{label}: {problem}");
            if (rule.When is { From: { } from, Until: { } until } && until <= from)
                problems.Add($"{label}: 'until' ({until:O}) must come after 'from' ({from:O})");
            foreach (var language in rule.When.Languages)
                if (!System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,8})*$"))
                    problems.Add($"{label}: '{language}' is not a language code (en, fr, pt-BR)");
        }
        foreach (var duplicate in rules.GroupBy(r => r.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"two rules are named '{duplicate.Key}'");
        return problems;
    }
}
