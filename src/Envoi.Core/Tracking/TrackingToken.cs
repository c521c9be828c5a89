using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Envoi.Core.Tracking;

/// <summary>
/// What a tracked URL says about itself: the link row and, for statistics that must not depend on a
/// lookup, the message, employee, signature and campaign. The target URL is deliberately absent: it
/// is read from the link table, so a token can never send anyone elsewhere (no open redirect).
/// </summary>
public sealed record TrackingToken(long LinkId, string MessageId, int EmployeeId, string Signature, int CampaignId);

/// <summary>
/// Writes and reads tokens: key id, the fields in binary, then a truncated HMAC-SHA256 (96 bits) of
/// everything before it, base64url. A token with a wrong MAC, an unknown key or a bad layout is null.
/// </summary>
public sealed class TrackingTokens(TrackingKeyRing keys)
{
    private const int MacBytes = 12;

    /// <summary>Longer than any token Envoi writes (message ids and signature names are bounded).</summary>
    public const int MaxLength = 400;

    public string Write(TrackingToken token)
    {
        var message = Encoding.UTF8.GetBytes(token.MessageId);
        var signature = Encoding.UTF8.GetBytes(token.Signature);
        if (message.Length > 64 || signature.Length > 128) throw new ArgumentException("message id or signature name too long for a token");
        var buffer = new byte[1 + 8 + 4 + 4 + 1 + message.Length + 1 + signature.Length + MacBytes];
        var span = buffer.AsSpan();
        span[0] = keys.CurrentId;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], token.LinkId);
        BinaryPrimitives.WriteInt32BigEndian(span[9..], token.EmployeeId);
        BinaryPrimitives.WriteInt32BigEndian(span[13..], token.CampaignId);
        span[17] = (byte)message.Length;
        message.CopyTo(span[18..]);
        var at = 18 + message.Length;
        span[at] = (byte)signature.Length;
        signature.CopyTo(span[(at + 1)..]);
        var body = buffer.Length - MacBytes;
        HMACSHA256.HashData(keys.Current, span[..body]).AsSpan(0, MacBytes).CopyTo(span[body..]);
        return System.Buffers.Text.Base64Url.EncodeToString(buffer);
    }

    public TrackingToken? Read(string text)
    {
        if (text.Length is < 24 or > MaxLength) return null;
        Span<byte> buffer = stackalloc byte[MaxLength];
        if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(text, buffer, out var length) || length < 18 + 1 + MacBytes) return null;
        var span = buffer[..length];
        if (keys.Find(span[0]) is not { } key) return null;
        var body = length - MacBytes;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, span[..body], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..MacBytes], span[body..])) return null;

        var messageLength = span[17];
        var signatureAt = 18 + messageLength;
        if (signatureAt >= body || signatureAt + 1 + span[signatureAt] != body) return null;
        return new TrackingToken(
            BinaryPrimitives.ReadInt64BigEndian(span[1..]),
            Encoding.UTF8.GetString(span.Slice(18, messageLength)),
            BinaryPrimitives.ReadInt32BigEndian(span[9..]),
            Encoding.UTF8.GetString(span.Slice(signatureAt + 1, span[signatureAt])),
            BinaryPrimitives.ReadInt32BigEndian(span[13..]));
    }
}
