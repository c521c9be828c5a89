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
            Before = e.Before, After = e.After,
        }));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        await using var db = factory.Create();
        IQueryable<AuditRow> rows = db.Audit.AsNoTracking();
        if (Blank(query.Actor) is { } actor) rows = rows.Where(a => a.Actor.ToLower() == actor.ToLower());
        if (Blank(query.Subject) is { } subject) rows = rows.Where(a => a.Subject == subject);
        if (Blank(query.Kind) is { } kind)
        {
            // "signature" is every signature.* action; "signature.update" is that action only.
            var lower = kind.ToLowerInvariant();
            rows = lower.Contains('.') ? rows.Where(a => a.Action == lower) : rows.Where(a => a.Action.StartsWith(lower + "."));
        }
        if (query.Since is { } from) { var ms = from.ToUnixTimeMilliseconds(); rows = rows.Where(a => a.At >= ms); }
        if (query.Until is { } until) { var ms = until.ToUnixTimeMilliseconds(); rows = rows.Where(a => a.At < ms); }
        if (Blank(query.Text) is { } text)
        {
            // ToLower on both sides: SQLite's LIKE and PostgreSQL's differ on case, lower() does not.
            var needle = text.ToLower();
            rows = rows.Where(a => a.Subject.ToLower().Contains(needle) || a.Details.ToLower().Contains(needle)
                || (a.Before != null && a.Before.ToLower().Contains(needle)) || (a.After != null && a.After.ToLower().Contains(needle)));
        }
        var list = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Math.Clamp(query.Limit, 1, 10_000)).ToListAsync(ct);
        return list.Select(a => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(a.At), a.Actor, a.Action, a.Subject, a.Details, a.Before, a.After)).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
