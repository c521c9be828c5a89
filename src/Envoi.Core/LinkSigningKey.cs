using System.Security.Cryptography;
using System.Text;

namespace Envoi.Core;

/// <summary>
/// The secret behind every link Envoi mails out (confirm/cancel, vCard, banners): a link signed under
/// it cannot be forged or altered, so a token never needs a database row to be trusted. Servers keep
/// it in the database (<see cref="ISharedSecrets"/>, name <c>link-signing</c>) so that every node
/// signs and verifies with the same key; a <c>DATA/link-signing.key</c> left by an older version is
/// imported by the first node that starts (links already mailed stay valid).
/// </summary>
public sealed class LinkSigningKey
{
    /// <summary>The name of the key in <see cref="ISharedSecrets"/>.</summary>
    public const string SecretName = "link-signing";

    private readonly byte[] _key;

    /// <summary>The key shared by all nodes; the data directory's key file, if any, is the candidate the first node stores.</summary>
    public LinkSigningKey(ISharedSecrets shared, string dataDirectory, string publicBaseUrl)
    {
        BaseUrl = publicBaseUrl.TrimEnd('/');
        var path = Path.Combine(dataDirectory, "link-signing.key");
        _key = shared.GetOrAdd(SecretName, File.Exists(path) ? File.ReadAllBytes(path) : RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>A key of this data directory alone (created on first use), for tools and tests that run without a database.</summary>
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
