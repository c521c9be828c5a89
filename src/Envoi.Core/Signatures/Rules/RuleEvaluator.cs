namespace Envoi.Core.Signatures.Rules;

/// <summary>
/// Walks the ordered rules and stops at the first whose conditions all hold. Every rule passed over
/// is listed with the first condition that failed, so <c>envoi render --explain</c> can say why.
/// </summary>
public static class RuleEvaluator
{
    public static RuleMatch Evaluate(IReadOnlyList<SignatureRule> rules, MessageFacts facts)
    {
        var trace = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var label = $"rule {i + 1} '{rule.Name}'";
            if (!rule.Enabled) { trace.Add($"{label}: disabled"); continue; }
            if (FirstFailure(rule.When, facts) is { } failure) { trace.Add($"{label}: no, {failure}"); continue; }
            trace.Add($"{label}: matches → {(rule.Then.Signature is { } s ? $"signature '{s}'" : "no signature")}");
            return new RuleMatch(rule, i, trace);
        }
        trace.Add(rules.Count == 0 ? "no rules are defined" : "no rule matches");
        return new RuleMatch(null, -1, trace);
    }

    /// <summary>The first condition that does not hold, in words, or null when the rule applies.</summary>
    public static string? FirstFailure(RuleConditions when, MessageFacts facts)
    {
        if (when.Groups.Count > 0 && !when.Groups.Any(g => facts.Sender.Groups.Contains(g, StringComparer.OrdinalIgnoreCase)))
            return $"the sender is in none of the groups {List(when.Groups)}";
        foreach (var (attribute, values) in when.Attributes)
        {
            var actual = facts.Sender.Attribute(attribute);
            if (values.Count > 0 && !values.Any(v => ValuePattern.Matches(v, actual)))
                return $"the sender's {attribute} is '{actual ?? ""}', not {List(values)}";
        }
        switch (when.Recipients)
        {
            case RecipientScope.AllInternal when !facts.AllInternal:
                return $"not every recipient is internal ({string.Join(", ", facts.Recipients.Where(r => !r.Internal).Select(r => r.Domain).Distinct())} is external)";
            case RecipientScope.AnyExternal when facts.AllInternal:
                return "every recipient is internal";
        }
        if (when.RecipientDomains.Count > 0 && !facts.Recipients.Any(r => when.RecipientDomains.Any(p => DomainPattern.Matches(p, r.Domain))))
            return $"no recipient's domain matches {List(when.RecipientDomains)}";
        if (when.Kinds.Count > 0 && !when.Kinds.Contains(facts.Kind))
            return $"the message is a {facts.Kind.ToString().ToLowerInvariant()}, not {List(when.Kinds.Select(k => k.ToString().ToLowerInvariant()))}";
        if (when.Languages.Count > 0)
        {
            var language = facts.Language ?? "";
            if (!when.Languages.Any(l => LanguageMatches(l, language)))
                return $"the language is '{language}', not {List(when.Languages)}";
        }
        if (when.From is { } from && facts.At < from) return $"the rule starts {from:yyyy-MM-dd HH:mm zzz}";
        if (when.Until is { } until && facts.At >= until) return $"the rule ended {until:yyyy-MM-dd HH:mm zzz}";
        return null;
    }

    /// <summary>"fr" matches "fr", "fr-CA" and "fr_BE"; "fr-CA" matches only itself.</summary>
    public static bool LanguageMatches(string wanted, string actual)
    {
        wanted = wanted.Trim().Replace('_', '-');
        actual = actual.Trim().Replace('_', '-');
        return actual.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || actual.StartsWith(wanted + "-", StringComparison.OrdinalIgnoreCase);
    }

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}

/// <summary>The rule that applies (null when none does), its position, and the reasoning.</summary>
public sealed record RuleMatch(SignatureRule? Rule, int Index, IReadOnlyList<string> Trace);
