namespace Envoi.Core.Checks;

/// <summary>What one check found, in words for the sender (already in their language), and what is done about it.</summary>
public sealed record CheckFinding(string Check, CheckAction Action, string Sentence);

/// <summary>What the checks decided for a message as a whole.</summary>
public sealed record CheckVerdict(IReadOnlyList<CheckFinding> Findings)
{
    public static readonly CheckVerdict Clean = new([]);

    public CheckAction Action => Findings.Count == 0 ? CheckAction.Off : Findings.Max(f => f.Action);

    public IEnumerable<CheckFinding> With(CheckAction action) => Findings.Where(f => f.Action == action);

    /// <summary>The sentences of the findings at the given action or above, joined for an SMTP reply or a notice.</summary>
    public string Explain(CheckAction atLeast) => string.Join(" ", Findings.Where(f => f.Action >= atLeast).Select(f => f.Sentence));
}
