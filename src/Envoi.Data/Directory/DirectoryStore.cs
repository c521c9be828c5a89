using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Directory;

public sealed class DirectoryStore(EnvoiDbFactory factory) : IDirectoryStore
{
    public async Task<IReadOnlyList<AttributeDefinition>> StoredAttributesAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.Attributes.AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new AttributeDefinition(r.Name, r.Label, r.Type, r.Right, r.BuiltIn, r.Pattern, r.Order)).ToList();
    }

    public async Task SaveAttributeAsync(AttributeDefinition attribute, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var row = await db.Attributes.SingleOrDefaultAsync(a => a.Name == attribute.Name, ct);
        if (row is null) db.Attributes.Add(row = new AttributeRow { Name = attribute.Name, Label = attribute.Label });
        row.Label = attribute.Label;
        row.Type = attribute.Type;
        row.Right = attribute.Right;
        row.BuiltIn = attribute.BuiltIn;
        row.Pattern = attribute.Pattern;
        row.Order = attribute.Order;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Employee?> FindAsync(string address, CancellationToken ct)
    {
        var normalized = address.Trim().ToLowerInvariant();
        await using var db = factory.Create();
        var row = await db.Employees.AsNoTracking().Include(e => e.Aliases)
            .SingleOrDefaultAsync(e => e.Email == normalized || e.Aliases.Any(a => a.Address == normalized), ct);
        if (row is null) return null;
        var groups = await (from m in db.GroupMembers join g in db.Groups on m.GroupId equals g.Id where m.EmployeeId == row.Id select g.Name).ToListAsync(ct);
        return ToEmployee(row, groups);
    }

    public async Task<(IReadOnlyList<Employee> Page, int Total)> SearchAsync(string? query, int skip, int take, CancellationToken ct)
    {
        await using var db = factory.Create();
        IQueryable<EmployeeRow> rows = db.Employees.AsNoTracking().Include(e => e.Aliases);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim().ToLowerInvariant();
            rows = rows.Where(e => e.SearchText.Contains(q));
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(e => e.Email).Skip(skip).Take(take).ToListAsync(ct);
        return (page.Select(r => ToEmployee(r, [])).ToList(), total);
    }

    public async Task<IReadOnlyDictionary<string, AttributeOverride>> OverridesAsync(int employeeId, CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.Overrides.AsNoTracking().Where(o => o.EmployeeId == employeeId).ToListAsync(ct);
        return rows.ToDictionary(o => o.Attribute, o => new AttributeOverride(o.Attribute, o.Value, o.SetBy, DateTimeOffset.FromUnixTimeMilliseconds(o.SetAt)), StringComparer.Ordinal);
    }

    public async Task SetOverridesAsync(int employeeId, IReadOnlyDictionary<string, string?> changes, string setBy, DateTimeOffset at, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var names = changes.Keys.ToList();
        var rows = await db.Overrides.Where(o => o.EmployeeId == employeeId && names.Contains(o.Attribute)).ToDictionaryAsync(o => o.Attribute, ct);
        foreach (var (name, value) in changes)
        {
            rows.TryGetValue(name, out var row);
            if (value is null)
            {
                if (row is not null) db.Overrides.Remove(row);
                continue;
            }
            if (row is null) db.Overrides.Add(row = new OverrideRow { EmployeeId = employeeId, Attribute = name, Value = value, SetBy = setBy });
            row.Value = value;
            row.SetBy = setBy;
            row.SetAt = at.ToUnixTimeMilliseconds();
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, StoredEmployee>> SnapshotAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var result = new Dictionary<string, StoredEmployee>(StringComparer.Ordinal);
        await foreach (var row in db.Employees.AsNoTracking().Select(e => new { e.Id, e.Email, e.Active, e.Source, e.ValuesJson }).AsAsyncEnumerable().WithCancellation(ct))
            result[row.Email] = new StoredEmployee(row.Id, row.Email, row.Active, row.Source, Deserialize(row.ValuesJson));
        return result;
    }

    public async Task ApplyAsync(IReadOnlyList<EmployeeChange> changes, DateTimeOffset at, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = at.ToUnixTimeMilliseconds();
        var updates = changes.Where(c => !c.Create).Select(c => c.Email).ToList();
        var rows = await db.Employees.Where(e => updates.Contains(e.Email)).ToDictionaryAsync(e => e.Email, ct);
        foreach (var change in changes)
        {
            if (change.Create)
            {
                var values = change.Values ?? new Dictionary<string, string>();
                db.Employees.Add(new EmployeeRow
                {
                    Email = change.Email, Active = change.Active ?? true, Source = change.Source,
                    ValuesJson = Serialize(values), SearchText = SearchTextOf(change.Email, values), CreatedAt = now, UpdatedAt = now,
                });
                continue;
            }
            if (!rows.TryGetValue(change.Email, out var row)) continue;
            if (change.Values is { } newValues)
            {
                row.ValuesJson = Serialize(newValues);
                row.SearchText = SearchTextOf(row.Email, newValues);
            }
            if (change.Active is { } active) row.Active = active;
            row.UpdatedAt = now;
            db.Entry(row).State = EntityState.Modified;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static Employee ToEmployee(EmployeeRow row, IReadOnlyList<string> groups) => new(
        row.Id, row.Email, row.Active, Deserialize(row.ValuesJson), row.Aliases.Select(a => a.Address).Order().ToList(), groups, row.Source,
        DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));

    private static string SearchTextOf(string email, IReadOnlyDictionary<string, string> values) =>
        $"{email} {values.GetValueOrDefault(StandardAttributes.DisplayName)}".ToLowerInvariant();

    private static string Serialize(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    private static Dictionary<string, string> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
}
