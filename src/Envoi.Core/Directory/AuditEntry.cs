namespace Envoi.Core.Directory;

/// <summary>
/// One change anyone made: who, when, what, on what, a sentence of details, and the state before
/// and after as JSON snapshots (<see cref="AuditSnapshot"/>; null where there was nothing: a
/// creation has no before, a deletion no after, an event without state neither).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Details, string? Before = null, string? After = null)
{
    /// <summary>What kind of thing changed: the action's part before the dot (<c>signature</c> in <c>signature.update</c>).</summary>
    public string Kind => Action.Split('.')[0];
}

/// <summary>Which entries to list; every filter is optional and they combine with "and".</summary>
/// <param name="Kind">The action's kind (<c>signature</c>, <c>campaign</c>…) or a whole action (<c>signature.update</c>).</param>
/// <param name="Text">Free text, found in the subject, the details or the snapshots (case-insensitive).</param>
public sealed record AuditQuery(string? Actor = null, string? Kind = null, string? Subject = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? Text = null, int Limit = 200);

public interface IAuditLog
{
    Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct);

    /// <summary>Newest first, at most <see cref="AuditQuery.Limit"/> (1 to 10 000).</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct);
}
