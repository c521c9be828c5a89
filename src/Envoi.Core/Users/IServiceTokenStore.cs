namespace Envoi.Core.Users;

/// <summary>
/// Tokens for machines rather than people (an identity provider's SCIM connector). Like API
/// tokens, only their SHA-256 is stored.
/// </summary>
public interface IServiceTokenStore
{
    Task AddAsync(string purpose, string name, string tokenHash, CancellationToken ct);

    Task<bool> IsValidAsync(string purpose, string tokenHash, CancellationToken ct);
}

public static class ServiceTokenPurposes
{
    public const string Scim = "scim";
}
