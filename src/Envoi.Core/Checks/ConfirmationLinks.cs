using System.Security.Cryptography;
using System.Text;
using Envoi.Core.Queue;

namespace Envoi.Core.Checks;

/// <summary>
/// The confirm and cancel links of a held message: <c>{base}/confirm/{token}</c> where the token is
/// the queue id, the action and a truncated HMAC-SHA256 (128 bits) under a key kept in the data
/// directory. A forged or altered token names nothing.
/// </summary>
public sealed class ConfirmationLinks
{
    private readonly byte[] _key;

    public ConfirmationLinks(string dataDirectory, string publicBaseUrl)
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

    public string BaseUrl { get; }

    public string Url(string queueId, ConfirmationAction action) => $"{BaseUrl}/confirm/{Token(queueId, action)}";

    public string Token(string queueId, ConfirmationAction action)
    {
        var verb = action == ConfirmationAction.Confirm ? "c" : "x";
        return $"{queueId}{verb}{Signature(queueId, verb)}";
    }

    /// <returns>The queue id and action, or null when the token was not made here.</returns>
    public (string QueueId, ConfirmationAction Action)? Read(string token)
    {
        if (token.Length != 16 + 1 + 22) return null;
        var (id, verb, signature) = (token[..16], token[16..17], token[17..]);
        if (!QueueId.IsWellFormed(id) || verb is not ("c" or "x")) return null;
        var expected = Signature(id, verb);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected))) return null;
        return (id, verb == "c" ? ConfirmationAction.Confirm : ConfirmationAction.Cancel);
    }

    private string Signature(string id, string verb)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{id}|{verb}"));
        return System.Buffers.Text.Base64Url.EncodeToString(mac.AsSpan(0, 16));
    }
}

public enum ConfirmationAction { Confirm, Cancel }
