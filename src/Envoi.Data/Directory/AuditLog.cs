using Envoi.Core.Directory;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Directory;

public sealed class AuditLog(EnvoiDbFactory factory) : IAuditLog
{
    public async Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Audit.AddRange(entries.Select(e => new AuditRow
        {
            At = e.At.ToUnixTimeMilliseconds(), Actor = e.Actor, Action = e.Action, Subject = e.Subject, Details = e.Details,
        }));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? subject, DateTimeOffset? since, int limit, CancellationToken ct)
    {
        await using var db = factory.Create();
        IQueryable<AuditRow> rows = db.Audit.AsNoTracking();
        if (subject is not null) rows = rows.Where(a => a.Subject == subject);
        if (since is { } from) { var ms = from.ToUnixTimeMilliseconds(); rows = rows.Where(a => a.At >= ms); }
        var list = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(ct);
        return list.Select(a => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(a.At), a.Actor, a.Action, a.Subject, a.Details)).ToList();
    }
}
