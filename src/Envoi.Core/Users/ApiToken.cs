using System.Security.Cryptography;
using System.Text;

namespace Envoi.Core.Users;

/// <summary>
/// API tokens are 32 random bytes shown once (<c>envoi_…</c>); only their SHA-256 is stored,
/// which is enough for a secret with this much entropy and keeps every lookup a single index seek.
/// </summary>
public static class ApiToken
{
    public const string Prefix = "envoi_";

    public static string Generate() =>
        Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
