namespace Envoi.Core.Directory;

/// <summary>One change anyone made: who, when, what, on what, and the details (old and new values).</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Details);

public interface IAuditLog
{
    Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct);

    /// <param name="subject">Only entries about this subject (an email, an attribute), or null for all.</param>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? subject, DateTimeOffset? since, int limit, CancellationToken ct);
}
