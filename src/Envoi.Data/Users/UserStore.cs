using Envoi.Core.Users;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Users;

public sealed class UserStore(EnvoiDbFactory factory) : IUserStore
{
    public async Task<EnvoiUser?> FindAsync(int id, CancellationToken ct)
    {
        await using var db = factory.Create();
        return ToUser(await db.Users.AsNoTracking().Include(u => u.Aliases).SingleOrDefaultAsync(u => u.Id == id, ct));
    }

    public async Task<EnvoiUser?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var forms = Core.Addresses.AddressForms.Of(email); // an IDN domain as U-label or A-label
        await using var db = factory.Create();
        // By address or alias: mail a connector relays from an alias belongs to the same person's outbox.
        var row = await db.Users.AsNoTracking().Include(u => u.Aliases)
            .SingleOrDefaultAsync(u => forms.Contains(u.Email) || u.Aliases.Any(a => forms.Contains(a.Address)), ct);
        return ToUser(row);
    }

    public async Task<string?> PasswordHashOfAsync(int userId, CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleOrDefaultAsync(ct);
    }

    public async Task<EnvoiUser?> FindByTokenHashAsync(string tokenHash, CancellationToken ct)
    {
        await using var db = factory.Create();
        var userId = await db.ApiTokens.Where(t => t.TokenHash == tokenHash).Select(t => (int?)t.UserId).SingleOrDefaultAsync(ct);
        return userId is null ? null : await FindAsync(userId.Value, ct);
    }

    public async Task<IReadOnlyList<EnvoiUser>> ListAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.Users.AsNoTracking().Include(u => u.Aliases).OrderBy(u => u.Email).ToListAsync(ct);
        return rows.Select(r => ToUser(r)!).ToList();
    }

    public async Task<EnvoiUser?> AddAsync(string email, string passwordHash, bool isAdmin, bool isMarketing, int? holdSeconds, CancellationToken ct)
    {
        await using var db = factory.Create();
        if (await IsTakenAsync(db, email, ct)) return null;
        var row = new UserRow { Email = email, PasswordHash = passwordHash, IsAdmin = isAdmin, IsMarketing = isMarketing, HoldSeconds = holdSeconds, CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        db.Users.Add(row);
        await db.SaveChangesAsync(ct);
        return ToUser(row);
    }

    public async Task<bool> UpdateAsync(int userId, UserUpdate update, CancellationToken ct)
    {
        await using var db = factory.Create();
        var row = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (row is null) return false;
        if (update.PasswordHash is { } hash) row.PasswordHash = hash;
        if (update.IsAdmin is { } admin) row.IsAdmin = admin;
        if (update.IsMarketing is { } marketing) row.IsMarketing = marketing;
        if (update.Hold is { } hold) row.HoldSeconds = hold.Value;
        if (update.Disabled is { } disabled) row.Disabled = disabled;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RemoveAsync(int userId, CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct) > 0; // aliases and tokens cascade
    }

    public async Task<bool> AddAliasAsync(int userId, string alias, CancellationToken ct)
    {
        var normalized = alias.ToLowerInvariant();
        await using var db = factory.Create();
        if (await IsTakenAsync(db, normalized, ct)) return false;
        db.Aliases.Add(new AliasRow { Address = normalized, UserId = userId });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task AddTokenAsync(int userId, string name, string tokenHash, CancellationToken ct)
    {
        await using var db = factory.Create();
        db.ApiTokens.Add(new ApiTokenRow { UserId = userId, Name = name, TokenHash = tokenHash, CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> TokensAsync(int userId, CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.ApiTokens.Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(ct);
        return rows.Select(t => new ApiTokenInfo(t.Id, t.Name, DateTimeOffset.FromUnixTimeMilliseconds(t.CreatedAt))).ToList();
    }

    public async Task<bool> RevokeTokenAsync(string tokenHash, CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.ApiTokens.Where(t => t.TokenHash == tokenHash).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<int> RevokeTokensAsync(int userId, string name, CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.ApiTokens.Where(t => t.UserId == userId && t.Name == name).ExecuteDeleteAsync(ct);
    }

    private static async Task<bool> IsTakenAsync(EnvoiDb db, string address, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Email == address, ct) || await db.Aliases.AnyAsync(a => a.Address == address, ct);

    private static EnvoiUser? ToUser(UserRow? row) =>
        row is null ? null : new EnvoiUser(row.Id, row.Email, row.IsAdmin, row.HoldSeconds, row.Aliases.Select(a => a.Address).OrderBy(a => a).ToList(), row.IsMarketing, row.Disabled);
}
