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
    Task<EnvoiUser?> AddAsync(string email, string passwordHash, bool isAdmin, int? holdSeconds, CancellationToken ct);

    Task<bool> SetRolesAsync(int userId, bool isAdmin, bool isMarketing, CancellationToken ct);

    /// <summary>Sets the user's own undo window (null: the organization default); false when there is no such user.</summary>
    Task<bool> SetHoldAsync(int userId, int? holdSeconds, CancellationToken ct);

    Task<bool> AddAliasAsync(int userId, string alias, CancellationToken ct);

    Task AddTokenAsync(int userId, string name, string tokenHash, CancellationToken ct);

    /// <summary>The user's API tokens (never their secrets), oldest first.</summary>
    Task<IReadOnlyList<ApiTokenInfo>> TokensAsync(int userId, CancellationToken ct);

    /// <summary>Deletes the token with this hash; false when there is none.</summary>
    Task<bool> RevokeTokenAsync(string tokenHash, CancellationToken ct);

    /// <summary>Deletes the user's tokens with this name; how many there were.</summary>
    Task<int> RevokeTokensAsync(int userId, string name, CancellationToken ct);
}

/// <summary>An API token as listed: what it is for and when it was made.</summary>
public sealed record ApiTokenInfo(int Id, string Name, DateTimeOffset CreatedAt);
