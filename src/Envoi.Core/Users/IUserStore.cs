namespace Envoi.Core.Users;

public interface IUserStore
{
    Task<EnvoiUser?> FindAsync(int id, CancellationToken ct);

    Task<EnvoiUser?> FindByEmailAsync(string email, CancellationToken ct);

    /// <summary>The stored password hash, for authentication only.</summary>
    Task<string?> PasswordHashOfAsync(int userId, CancellationToken ct);

    Task<EnvoiUser?> FindByTokenHashAsync(string tokenHash, CancellationToken ct);

    Task<IReadOnlyList<EnvoiUser>> ListAsync(CancellationToken ct);

    /// <summary>Adds a user, or returns null when the address is already taken (as a user or an alias).</summary>
    Task<EnvoiUser?> AddAsync(string email, string passwordHash, bool isAdmin, bool isMarketing, int? holdSeconds, CancellationToken ct);

    /// <summary>Applies the given changes in one write; false when there is no such user.</summary>
    Task<bool> UpdateAsync(int userId, UserUpdate update, CancellationToken ct);

    /// <summary>Deletes the user with their aliases and tokens; false when there is no such user.</summary>
    Task<bool> RemoveAsync(int userId, CancellationToken ct);

    Task<bool> AddAliasAsync(int userId, string alias, CancellationToken ct);

    Task AddTokenAsync(int userId, string name, string tokenHash, CancellationToken ct);

    /// <summary>The user's API tokens (never their secrets), oldest first.</summary>
    Task<IReadOnlyList<ApiTokenInfo>> TokensAsync(int userId, CancellationToken ct);

    /// <summary>Deletes the token with this hash; false when there is none.</summary>
    Task<bool> RevokeTokenAsync(string tokenHash, CancellationToken ct);

    /// <summary>Deletes the user's tokens with this name; how many there were.</summary>
    Task<int> RevokeTokensAsync(int userId, string name, CancellationToken ct);
}

/// <summary>Changes to a user's account, validated by <see cref="UserAccounts"/>; null leaves a field as it is.</summary>
/// <param name="Hold">The new undo window: a value holding null means the organization default.</param>
public sealed record UserUpdate(string? PasswordHash = null, bool? IsAdmin = null, bool? IsMarketing = null, Change<int?>? Hold = null, bool? Disabled = null);

/// <summary>A new value for a field whose own value may be null (so null cannot also mean "unchanged").</summary>
public readonly record struct Change<T>(T Value);

/// <summary>An API token as listed: what it is for and when it was made.</summary>
public sealed record ApiTokenInfo(int Id, string Name, DateTimeOffset CreatedAt);
