using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Envoi.Core.Addresses;
using Envoi.Core.Directory;
using Envoi.Core.Outbox;

namespace Envoi.Core.Users;

/// <summary>
/// Creating users and checking their credentials. Successful password checks are remembered for
/// a few minutes (keyed by a hash of the exact credentials and stored hash) because mail clients
/// reconnect often and a deliberate 100 ms KDF per connection would cap submission throughput.
/// </summary>
public sealed class UserAccounts(IUserStore store, HoldPolicy holdPolicy, IAuditLog audit, TimeProvider clock)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlyVerified = new();

    public async Task<UserResult> AddAsync(string actor, string email, string password, bool isAdmin, int? holdSeconds, CancellationToken ct)
    {
        if (!AddressSyntax.IsPlainMailbox(email))
            return UserResult.Fail($"'{email}' is not a plain email address (local-part@domain).");
        if (string.IsNullOrEmpty(password) || password.Length < 8)
            return UserResult.Fail("The password must have at least 8 characters.");
        if (holdSeconds is { } hold && holdPolicy.Validate(hold) is { } problem)
            return UserResult.Fail(problem);
        var user = await store.AddAsync(email.ToLowerInvariant(), PasswordHasher.Hash(password), isAdmin, holdSeconds, ct);
        if (user is null) return UserResult.Fail($"{email} already exists.");
        await AuditAsync(actor, "user.created", user.Email, $"role {RoleOf(user)}", null, Snapshot(user), ct);
        return UserResult.Ok(user);
    }

    /// <summary>What a user may do: <c>employee</c> (their own mail and signatures), <c>marketing</c> (also campaigns and statistics), <c>admin</c> (everything).</summary>
    public async Task<UserResult> SetRoleAsync(string actor, string email, string role, CancellationToken ct)
    {
        var normalized = role.Trim().ToLowerInvariant();
        if (normalized is not ("employee" or "marketing" or "admin")) return UserResult.Fail($"'{role}' is not a role: employee, marketing or admin.");
        var user = await store.FindByEmailAsync(email, ct);
        if (user is null || !await store.SetRolesAsync(user.Id, normalized == "admin", normalized == "marketing", ct)) return UserResult.Fail($"No user {email}.");
        var updated = (await store.FindAsync(user.Id, ct))!;
        await AuditAsync(actor, "role.set", user.Email, $"{RoleOf(user)} → {RoleOf(updated)}", Snapshot(user), Snapshot(updated), ct);
        return UserResult.Ok(updated);
    }

    /// <summary>A user chooses their own undo window within the organization's bounds (null: the default).</summary>
    public async Task<UserResult> SetHoldAsync(int userId, int? holdSeconds, CancellationToken ct)
    {
        if (holdSeconds is { } hold && holdPolicy.Validate(hold) is { } problem) return UserResult.Fail(problem);
        var before = await store.FindAsync(userId, ct);
        if (before is null || !await store.SetHoldAsync(userId, holdSeconds, ct)) return UserResult.Fail("No such user.");
        var updated = (await store.FindAsync(userId, ct))!;
        await AuditAsync(updated.Email, "user.hold", updated.Email, $"undo window {Seconds(before.HoldSeconds)} → {Seconds(updated.HoldSeconds)}", Snapshot(before), Snapshot(updated), ct);
        return UserResult.Ok(updated);
    }

    /// <returns>The user when the password is right, else null (the caller says nothing more).</returns>
    public async Task<EnvoiUser?> AuthenticateAsync(string email, string password, CancellationToken ct)
    {
        var user = await store.FindByEmailAsync(email, ct);
        if (user is null) return null;
        var hash = await store.PasswordHashOfAsync(user.Id, ct);
        if (hash is null) return null;

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id}\0{password}\0{hash}")));
        var now = clock.GetUtcNow();
        if (_recentlyVerified.TryGetValue(key, out var until) && until > now) return user;
        if (!PasswordHasher.Verify(password, hash)) return null;
        _recentlyVerified[key] = now + RememberFor;
        return user;
    }

    public Task<EnvoiUser?> AuthenticateTokenAsync(string token, CancellationToken ct) =>
        token.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)
            ? store.FindByTokenHashAsync(ApiToken.HashOf(token), ct)
            : Task.FromResult<EnvoiUser?>(null);

    /// <returns>The new token, shown once.</returns>
    public async Task<string?> CreateTokenAsync(string actor, string email, string name, CancellationToken ct)
    {
        var user = await store.FindByEmailAsync(email, ct);
        if (user is null) return null;
        var token = ApiToken.Generate();
        await store.AddTokenAsync(user.Id, name, ApiToken.HashOf(token), ct);
        // The token's name only: its value is shown once, to the one who asked, and never kept.
        await AuditAsync(actor, "token.created", user.Email, $"token '{name}'", null, AuditSnapshot.Of(new { token = name }), ct);
        return token;
    }

    /// <summary>Revokes the token itself (the add-in signing out); false when it was not valid.</summary>
    public async Task<bool> RevokeTokenAsync(string token, CancellationToken ct)
    {
        var hash = ApiToken.HashOf(token);
        var owner = await store.FindByTokenHashAsync(hash, ct);
        if (owner is null || !await store.RevokeTokenAsync(hash, ct)) return false;
        await AuditAsync(owner.Email, "token.revoked", owner.Email, "the token's holder signed out", null, null, ct);
        return true;
    }

    /// <returns>How many of the user's tokens had that name, or null when there is no such user.</returns>
    public async Task<int?> RevokeTokensAsync(string actor, string email, string name, CancellationToken ct)
    {
        if (await store.FindByEmailAsync(email, ct) is not { } user) return null;
        var count = await store.RevokeTokensAsync(user.Id, name, ct);
        if (count > 0) await AuditAsync(actor, "token.revoked", user.Email, $"{count} token(s) named '{name}'", AuditSnapshot.Of(new { token = name, count }), null, ct);
        return count;
    }

    private Task AuditAsync(string actor, string action, string subject, string details, string? before, string? after, CancellationToken ct) =>
        audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, action, subject, details, before, after)], ct);

    /// <summary>What the audit shows of a user: never the password hash.</summary>
    private static string? Snapshot(EnvoiUser user) =>
        AuditSnapshot.Of(new { user.Email, role = RoleOf(user), user.HoldSeconds, user.Aliases });

    private static string RoleOf(EnvoiUser user) => user.IsAdmin ? "admin" : user.IsMarketing ? "marketing" : "employee";

    private static string Seconds(int? seconds) => seconds is { } s ? $"{s} s" : "default";

    /// <returns>The user's tokens, or null when there is no such user.</returns>
    public async Task<IReadOnlyList<ApiTokenInfo>?> TokensAsync(string email, CancellationToken ct) =>
        await store.FindByEmailAsync(email, ct) is { } user ? await store.TokensAsync(user.Id, ct) : null;
}

public sealed record UserResult(EnvoiUser? User, string? Error)
{
    public static UserResult Ok(EnvoiUser user) => new(user, null);
    public static UserResult Fail(string error) => new(null, error);
}
