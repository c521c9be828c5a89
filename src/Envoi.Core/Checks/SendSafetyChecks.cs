namespace Envoi.Core.Checks;

/// <summary>
/// Runs every check of <see cref="CheckList"/> that the policy leaves on for this sender and says,
/// per finding, what to do about it (the organization's policy, or the sender's groups'). Checks
/// that are off cost nothing.
/// </summary>
public sealed class SendSafetyChecks(CheckOptions options, IMailHistory history, ISignatureCoverage? signatures = null)
{
    /// <summary>Every check, in the order findings are reported: what the console, the CLI and <c>GET /api/checks</c> list.</summary>
    public IReadOnlyList<ISendSafetyCheck> All { get; } = CheckList.Create(options, history, signatures);

    /// <summary>What the policy does with a check's findings for a sender in these groups.</summary>
    public CheckAction ActionFor(ISendSafetyCheck check, IEnumerable<string> senderGroups) => options.ActionFor(check.Id, check.DefaultAction, senderGroups);

    public async Task<CheckVerdict> RunAsync(CheckInput input, CancellationToken ct)
    {
        // Nobody is there to confirm an out-of-office or a delivery report, and they answer mail
        // that was received: holding or refusing them would only lose them.
        if (Pipeline.ProtectedMessage.IsAutomatic(input.Message)) return CheckVerdict.Clean;
        var subject = new CheckSubject(input, options, id => All.FirstOrDefault(c => c.Id == id) is { } other ? ActionFor(other, input.SenderGroups) : CheckAction.Off);
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
