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

    public Task<UserResult> AddAsync(string actor, string email, string password, bool isAdmin, int? holdSeconds, CancellationToken ct) =>
        AddAsync(actor, email, password, isAdmin ? UserRoles.Admin : UserRoles.Employee, holdSeconds, ct);

    /// <param name="role">One of <see cref="UserRoles.All"/>, in any case.</param>
    public async Task<UserResult> AddAsync(string actor, string email, string password, string role, int? holdSeconds, CancellationToken ct)
    {
        if (!AddressSyntax.IsPlainMailbox(email))
            return UserResult.Fail($"'{email}' is not a plain email address (local-part@domain).");
        if (WhyRefusedPassword(password) is { } weak) return UserResult.Fail(weak);
        if (UserRoles.Parse(role) is not { } canonical) return UserResult.Fail(UserRoles.NotARole(role));
        if (holdSeconds is { } hold && holdPolicy.Validate(hold) is { } problem)
            return UserResult.Fail(problem);
        var user = await store.AddAsync(email.ToLowerInvariant(), PasswordHasher.Hash(password), canonical == UserRoles.Admin, canonical == UserRoles.Marketing, holdSeconds, ct);
        if (user is null) return UserResult.Conflict($"{email} already exists.");
        await AuditAsync(actor, "user.created", user.Email, $"role {user.Role}", null, Snapshot(user), ct);
        return UserResult.Ok(user);
    }

    /// <summary>What a user may do: one of <see cref="UserRoles.All"/>.</summary>
    public Task<UserResult> SetRoleAsync(string actor, string email, string role, CancellationToken ct) =>
        UpdateAsync(actor, email, new AccountChange(Role: role), ct);

    /// <summary>
    /// Changes an account: every part is checked before anything is written, and the whole change is
    /// one write and one audit entry. The last enabled administrator cannot be demoted or disabled,
    /// so the organization is never locked out of its console.
    /// </summary>
    public async Task<UserResult> UpdateAsync(string actor, string email, AccountChange change, CancellationToken ct)
    {
        if (change.IsEmpty) return UserResult.Fail("Nothing to change: give a password, a role, an undo window, or disable/enable.");
        if (change.Password is { } password && WhyRefusedPassword(password) is { } weak) return UserResult.Fail(weak);
        var role = change.Role is { } given ? UserRoles.Parse(given) : null;
        if (change.Role is not null && role is null) return UserResult.Fail(UserRoles.NotARole(change.Role));
        if (change.Hold?.Value is { } hold && holdPolicy.Validate(hold) is { } problem) return UserResult.Fail(problem);
        var user = await store.FindByEmailAsync(email, ct);
        if (user is null) return UserResult.NoUser(email);
        if ((role is not (null or UserRoles.Admin) || change.Disabled == true) && await IsLastAdminAsync(user, ct))
            return UserResult.Conflict(LastAdmin(user));

        var update = new UserUpdate(
            PasswordHash: change.Password is { } pw ? PasswordHasher.Hash(pw) : null,
            IsAdmin: role is null ? null : role == UserRoles.Admin,
            IsMarketing: role is null ? null : role == UserRoles.Marketing,
            Hold: change.Hold,
            Disabled: change.Disabled);
        return await ApplyAsync(actor, change.IsRoleOnly ? "role.set" : "user.updated", user, update, change.Password is not null, ct);
    }

    /// <summary>A user chooses their own undo window within the organization's bounds (null: the default).</summary>
    public async Task<UserResult> SetHoldAsync(int userId, int? holdSeconds, CancellationToken ct)
    {
        if (holdSeconds is { } hold && holdPolicy.Validate(hold) is { } problem) return UserResult.Fail(problem);
        var user = await store.FindAsync(userId, ct);
        if (user is null) return UserResult.NoUser($"#{userId}");
        return await ApplyAsync(user.Email, "user.hold", user, new UserUpdate(Hold: new Change<int?>(holdSeconds)), passwordChanged: false, ct);
    }

    /// <summary>Deletes an account with its aliases and tokens; mail it already submitted stays in the queue and is relayed.</summary>
    public async Task<UserResult> RemoveAsync(string actor, string email, CancellationToken ct)
    {
        var user = await store.FindByEmailAsync(email, ct);
        if (user is null) return UserResult.NoUser(email);
        if (await IsLastAdminAsync(user, ct)) return UserResult.Conflict(LastAdmin(user));
        if (!await store.RemoveAsync(user.Id, ct)) return UserResult.NoUser(email);
        await AuditAsync(actor, "user.removed", user.Email, $"role {user.Role}", Snapshot(user), null, ct);
        return UserResult.Ok(user);
    }

    private async Task<UserResult> ApplyAsync(string actor, string action, EnvoiUser before, UserUpdate update, bool passwordChanged, CancellationToken ct)
    {
        if (!await store.UpdateAsync(before.Id, update, ct)) return UserResult.NoUser(before.Email);
        var after = (await store.FindAsync(before.Id, ct))!;
        var changes = new List<string>();
        if (before.Role != after.Role) changes.Add($"{before.Role} → {after.Role}");
        if (before.HoldSeconds != after.HoldSeconds) changes.Add($"undo window {Seconds(before.HoldSeconds)} → {Seconds(after.HoldSeconds)}");
        if (before.Disabled != after.Disabled) changes.Add(after.Disabled ? "disabled" : "enabled");
        if (passwordChanged) changes.Add("password changed");
        if (changes.Count > 0) await AuditAsync(actor, action, after.Email, string.Join("; ", changes), Snapshot(before), Snapshot(after), ct);
        return UserResult.Ok(after);
    }

    private async Task<bool> IsLastAdminAsync(EnvoiUser user, CancellationToken ct) =>
        user is { IsAdmin: true, Disabled: false } && (await store.ListAsync(ct)).Count(u => u is { IsAdmin: true, Disabled: false }) <= 1;

    private static string LastAdmin(EnvoiUser user) => $"{user.Email} is the last enabled administrator: make someone else admin first.";

    private static string? WhyRefusedPassword(string password) =>
        password.Length < 8 ? "The password must have at least 8 characters." : null;

    /// <returns>The user when the password is right, else null (the caller says nothing more).</returns>
    public async Task<EnvoiUser?> AuthenticateAsync(string email, string password, CancellationToken ct)
    {
        var user = await store.FindByEmailAsync(email, ct);
        if (user is null or { Disabled: true }) return null;
        var hash = await store.PasswordHashOfAsync(user.Id, ct);
        if (hash is null) return null;

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id}\0{password}\0{hash}")));
        var now = clock.GetUtcNow();
        if (_recentlyVerified.TryGetValue(key, out var until) && until > now) return user;
        if (!PasswordHasher.Verify(password, hash)) return null;
        _recentlyVerified[key] = now + RememberFor;
        return user;
    }

    /// <returns>The token's owner, or null when the token is unknown or its owner is disabled.</returns>
    public async Task<EnvoiUser?> AuthenticateTokenAsync(string token, CancellationToken ct) =>
        token.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) && await store.FindByTokenHashAsync(ApiToken.HashOf(token), ct) is { Disabled: false } user
            ? user
            : null;

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
        AuditSnapshot.Of(new { user.Email, role = user.Role, user.HoldSeconds, user.Disabled, user.Aliases });

    private static string Seconds(int? seconds) => seconds is { } s ? $"{s} s" : "default";

    /// <returns>The user's tokens, or null when there is no such user.</returns>
    public async Task<IReadOnlyList<ApiTokenInfo>?> TokensAsync(string email, CancellationToken ct) =>
        await store.FindByEmailAsync(email, ct) is { } user ? await store.TokensAsync(user.Id, ct) : null;
}

/// <summary>The account after the change, or why it was refused (and what kind of refusal, for HTTP status codes).</summary>
public sealed record UserResult(EnvoiUser? User, string? Error, UserRefusal Refusal = UserRefusal.Invalid)
{
    public static UserResult Ok(EnvoiUser user) => new(user, null);
    public static UserResult Fail(string error) => new(null, error);
    public static UserResult NoUser(string email) => new(null, $"No user {email}.", UserRefusal.NotFound);
    public static UserResult Conflict(string error) => new(null, error, UserRefusal.Conflict);
}

public enum UserRefusal
{
    /// <summary>The request itself is wrong (address, password, role, undo window).</summary>
    Invalid,
    NotFound,
    /// <summary>The request is well-formed but the current state forbids it (address taken, last administrator).</summary>
    Conflict,
}
