namespace Envoi.Core.Checks;

/// <summary>
/// Runs every check it is given (the host gives it <c>Catalog/CheckList</c>) that the policy leaves on for this sender and says,
/// per finding, what to do about it (the organization's policy, or the sender's groups'). Checks
/// that are off cost nothing.
/// </summary>
public sealed class SendSafetyChecks
{
    private readonly CheckOptions _options;

    public SendSafetyChecks(CheckOptions options, IReadOnlyList<ISendSafetyCheck> checks)
    {
        _options = options;
        All = checks;
        if (CheckPolicyProblems.Of(options, All) is { Count: > 0 } problems) throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>Every check, in the order findings are reported: what the console, the CLI and <c>GET /api/checks</c> list.</summary>
    public IReadOnlyList<ISendSafetyCheck> All { get; }

    /// <summary>What the policy does with a check's findings for a sender in these groups.</summary>
    public CheckAction ActionFor(ISendSafetyCheck check, IEnumerable<string> senderGroups) => _options.ActionFor(check.Id, check.DefaultAction, senderGroups);

    /// <summary>The policy, check by check: what <c>GET /api/checks</c>, <c>envoi checks list</c> and the console's settings page show.</summary>
    public IReadOnlyList<CheckPolicyLine> Policy() => All.Select(check => new CheckPolicyLine(check.Id, check.Description, check.DefaultAction, ActionFor(check, []),
        _options.Groups.Where(g => g.Value.ContainsKey(check.Id)).ToDictionary(g => g.Key, g => g.Value[check.Id], StringComparer.OrdinalIgnoreCase))).ToList();

    public async Task<CheckVerdict> RunAsync(CheckInput input, CancellationToken ct)
    {
        // Nobody is there to confirm an out-of-office or a delivery report, and they answer mail
        // that was received: holding or refusing them would only lose them.
        if (Pipeline.ProtectedMessage.IsAutomatic(input.Message)) return CheckVerdict.Clean;
        var subject = new CheckSubject(input, _options, id => All.FirstOrDefault(c => c.Id == id) is { } other ? ActionFor(other, input.SenderGroups) : CheckAction.Off);
        var findings = new List<CheckFinding>();
        foreach (var check in All)
        {
            var action = ActionFor(check, input.SenderGroups);
            if (action == CheckAction.Off) continue;
            foreach (var hit in await check.EvaluateAsync(subject, ct))
                findings.Add(new CheckFinding(check.Id, action, CheckSentences.For(check, input.Language, hit.Values)));
        }
        return findings.Count == 0 ? CheckVerdict.Clean : new CheckVerdict(findings);
    }
}
