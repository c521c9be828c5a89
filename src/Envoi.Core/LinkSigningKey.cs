using System.Security.Cryptography;
using System.Text;

namespace Envoi.Core;

/// <summary>
/// The secret behind every link Envoi mails out (confirm/cancel, vCard): created once in the data
/// directory, readable only by Envoi. A link signed under it cannot be forged or altered, so a token
/// never needs a database row to be trusted.
/// </summary>
public sealed class LinkSigningKey
{
    private readonly byte[] _key;

    public LinkSigningKey(string dataDirectory, string publicBaseUrl)
    {
        BaseUrl = publicBaseUrl.TrimEnd('/');
        var path = Path.Combine(dataDirectory, "link-signing.key");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        _key = File.ReadAllBytes(path);
    }

    /// <summary>Where recipients reach Envoi, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>A truncated HMAC-SHA256 of <paramref name="payload"/> (128 bits), base64url.</summary>
    public string Sign(string payload) =>
        System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)).AsSpan(0, 16));

    /// <summary>Constant-time check of a signature made by <see cref="Sign"/>.</summary>
    public bool Verify(string payload, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(payload)));
}
