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
        var forms = Core.Addresses.AddressForms.Of(address); // an IDN domain as U-label or A-label
        await using var db = factory.Create();
        var row = await db.Employees.AsNoTracking().Include(e => e.Aliases)
            .SingleOrDefaultAsync(e => forms.Contains(e.Email) || e.Aliases.Any(a => forms.Contains(a.Address)), ct);
        if (row is null) return null;
        return ToEmployee(row, await GroupNamesAsync(db, row.Id, ct));
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

    public async Task<Employee?> FindByIdAsync(int id, CancellationToken ct)
    {
        await using var db = factory.Create();
        var row = await db.Employees.AsNoTracking().Include(e => e.Aliases).SingleOrDefaultAsync(e => e.Id == id, ct);
        return row is null ? null : ToEmployee(row, await GroupNamesAsync(db, id, ct));
    }

    public async Task<Employee?> FindByExternalIdAsync(string externalId, CancellationToken ct)
    {
        await using var db = factory.Create();
        var id = await db.Employees.Where(e => e.ExternalId == externalId).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await FindByIdAsync(id.Value, ct);
    }

    public async Task<Employee?> FindByUserNameAsync(string userName, CancellationToken ct)
    {
        await using var db = factory.Create();
        var id = await db.Employees.Where(e => e.UserName == userName).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return id is null ? await FindAsync(userName, ct) : await FindByIdAsync(id.Value, ct);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.Employees.Where(e => e.Id == id).ExecuteDeleteAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<DirectoryGroup>> GroupsAsync(string? name, CancellationToken ct)
    {
        await using var db = factory.Create();
        var groups = await db.Groups.AsNoTracking().Where(g => name == null || g.Name == name).OrderBy(g => g.Name).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var members = await (from m in db.GroupMembers join e in db.Employees on m.EmployeeId equals e.Id where ids.Contains(m.GroupId) select new { m.GroupId, e.Id, e.Email }).ToListAsync(ct);
        return groups.Select(g => new DirectoryGroup(g.Id, g.Name, g.Source, g.ExternalId,
            members.Where(m => m.GroupId == g.Id).OrderBy(m => m.Email).Select(m => new GroupMember(m.Id, m.Email)).ToList())).ToList();
    }

    public async Task<DirectoryGroup?> FindGroupAsync(int id, CancellationToken ct)
    {
        await using var db = factory.Create();
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return null;
        var members = await (from m in db.GroupMembers join e in db.Employees on m.EmployeeId equals e.Id where m.GroupId == id orderby e.Email select new GroupMember(e.Id, e.Email)).ToListAsync(ct);
        return new DirectoryGroup(group.Id, group.Name, group.Source, group.ExternalId, members);
    }

    public async Task<DirectoryGroup?> CreateGroupAsync(string name, string source, string? externalId, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        if (await db.Groups.AnyAsync(g => g.Name == name, ct)) return null;
        var row = new GroupRow { Name = name, Source = source, ExternalId = externalId };
        db.Groups.Add(row);
        await db.SaveChangesAsync(ct);
        return new DirectoryGroup(row.Id, row.Name, row.Source, row.ExternalId, []);
    }

    public async Task<bool> RenameGroupAsync(int id, string name, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        if (await db.Groups.AnyAsync(g => g.Name == name && g.Id != id, ct)) return false;
        return await db.Groups.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, name), ct) == 1;
    }

    public async Task<bool> DeleteGroupAsync(int id, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.Groups.Where(g => g.Id == id).ExecuteDeleteAsync(ct) == 1;
    }

    public async Task ChangeMembersAsync(int groupId, IReadOnlyCollection<int> add, IReadOnlyCollection<int> remove, bool replaceAll, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (replaceAll) await db.GroupMembers.Where(m => m.GroupId == groupId).ExecuteDeleteAsync(ct);
        else if (remove.Count > 0) await db.GroupMembers.Where(m => m.GroupId == groupId && remove.Contains(m.EmployeeId)).ExecuteDeleteAsync(ct);
        var existing = await db.Employees.Where(e => add.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        var already = await db.GroupMembers.Where(m => m.GroupId == groupId).Select(m => m.EmployeeId).ToListAsync(ct);
        foreach (var id in existing.Except(already).Distinct()) db.GroupMembers.Add(new GroupMemberRow { GroupId = groupId, EmployeeId = id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static Task<List<string>> GroupNamesAsync(EnvoiDb db, int employeeId, CancellationToken ct) =>
        (from m in db.GroupMembers join g in db.Groups on m.GroupId equals g.Id where m.EmployeeId == employeeId orderby g.Name select g.Name).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<string, StoredEmployee>> SnapshotAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var aliases = (await db.EmployeeAliases.AsNoTracking().ToListAsync(ct))
            .GroupBy(a => a.EmployeeId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Address).Order(StringComparer.Ordinal).ToList());
        var result = new Dictionary<string, StoredEmployee>(StringComparer.Ordinal);
        await foreach (var row in db.Employees.AsNoTracking().Select(e => new { e.Id, e.Email, e.Active, e.Source, e.ValuesJson }).AsAsyncEnumerable().WithCancellation(ct))
            result[row.Email] = new StoredEmployee(row.Id, row.Email, row.Active, row.Source, Deserialize(row.ValuesJson), aliases.GetValueOrDefault(row.Id) ?? []);
        return result;
    }

    public async Task ApplyAsync(IReadOnlyList<EmployeeChange> changes, DateTimeOffset at, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct); // alias replacements run as their own statements
        var now = at.ToUnixTimeMilliseconds();
        var updates = changes.Where(c => !c.Create).Select(c => c.Email).ToList();
        var rows = await db.Employees.Where(e => updates.Contains(e.Email)).ToDictionaryAsync(e => e.Email, ct);
        foreach (var change in changes)
        {
            if (change.Create)
            {
                var values = change.Values ?? new Dictionary<string, string>();
                var created = new EmployeeRow
                {
                    Email = change.Email, Active = change.Active ?? true, Source = change.Source, ExternalId = change.ExternalId, UserName = change.UserName,
                    ValuesJson = Serialize(values), SearchText = SearchTextOf(change.Email, values), CreatedAt = now, UpdatedAt = now,
                };
                foreach (var alias in change.Aliases ?? []) created.Aliases.Add(new EmployeeAliasRow { Address = alias });
                db.Employees.Add(created);
                continue;
            }
            if (!rows.TryGetValue(change.Email, out var row)) continue;
            if (change.Values is { } newValues)
            {
                row.ValuesJson = Serialize(newValues);
                row.SearchText = SearchTextOf(row.Email, newValues);
            }
            if (change.Active is { } active) row.Active = active;
            if (change.Aliases is { } newAliases)
            {
                await db.EmployeeAliases.Where(a => a.EmployeeId == row.Id).ExecuteDeleteAsync(ct);
                foreach (var alias in newAliases) db.EmployeeAliases.Add(new EmployeeAliasRow { Address = alias, EmployeeId = row.Id });
            }
            if (change.ExternalId is { } externalId) row.ExternalId = externalId;
            if (change.UserName is { } userName) row.UserName = userName.Length == 0 ? null : userName;
            if (change.NewEmail is { } newEmail && newEmail != row.Email)
            {
                row.Email = newEmail;
                row.SearchText = SearchTextOf(newEmail, change.Values ?? Deserialize(row.ValuesJson));
            }
            row.UpdatedAt = now;
            db.Entry(row).State = EntityState.Modified;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static Employee ToEmployee(EmployeeRow row, IReadOnlyList<string> groups) => new(
        row.Id, row.Email, row.Active, Deserialize(row.ValuesJson), row.Aliases.Select(a => a.Address).Order().ToList(), groups, row.Source,
        DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt), row.ExternalId, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), row.UserName);

    private static string SearchTextOf(string email, IReadOnlyDictionary<string, string> values) =>
        $"{email} {values.GetValueOrDefault(StandardAttributes.DisplayName)}".ToLowerInvariant();

    private static string Serialize(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    private static Dictionary<string, string> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
}
