using Envoi.Core.Queue;

namespace Envoi.Core.Checks;

/// <summary>
/// The confirm and cancel links of a held message: <c>{base}/confirm/{token}</c> where the token is
/// the queue id, the action and a truncated HMAC-SHA256 (128 bits) under a key kept in the data
/// directory. A forged or altered token names nothing.
/// </summary>
public sealed class ConfirmationLinks(LinkSigningKey key)
{
    public string BaseUrl => key.BaseUrl;

    public string Url(string queueId, ConfirmationAction action) => $"{BaseUrl}/confirm/{Token(queueId, action)}";

    public string Token(string queueId, ConfirmationAction action)
    {
        var verb = action == ConfirmationAction.Confirm ? "c" : "x";
        return $"{queueId}{verb}{key.Sign($"{queueId}|{verb}")}";
    }

    /// <returns>The queue id and action, or null when the token was not made here.</returns>
    public (string QueueId, ConfirmationAction Action)? Read(string token)
    {
        if (token.Length != 16 + 1 + 22) return null;
        var (id, verb, signature) = (token[..16], token[16..17], token[17..]);
        if (!QueueId.IsWellFormed(id) || verb is not ("c" or "x")) return null;
        if (!key.Verify($"{id}|{verb}", signature)) return null;
        return (id, verb == "c" ? ConfirmationAction.Confirm : ConfirmationAction.Cancel);
    }
}

public enum ConfirmationAction { Confirm, Cancel }
