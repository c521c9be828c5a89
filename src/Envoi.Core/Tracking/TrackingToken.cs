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
        if (!TryRead(text, stackalloc byte[MaxLength], out var fields)) return null;
        return new TrackingToken(fields.LinkId, Encoding.UTF8.GetString(fields.MessageId), fields.EmployeeId, Encoding.UTF8.GetString(fields.Signature), fields.CampaignId);
    }

    /// <summary>
    /// Checks the MAC and the layout without allocating: the redirect reads a token on every click.
    /// <paramref name="buffer"/> (at least <see cref="MaxLength"/> bytes) receives the decoded token
    /// and <paramref name="fields"/> points into it.
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> text, Span<byte> buffer, out TokenFields fields)
    {
        fields = default;
        if (text.Length is < 24 or > MaxLength || buffer.Length < MaxLength) return false;
        // TryDecodeFromChars throws on a character outside the alphabet: a mangled link is a 404, not a 500.
        if (!System.Buffers.Text.Base64Url.IsValid(text, out var decoded) || decoded < 18 + 1 + MacBytes) return false;
        if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(text, buffer, out var length) || length != decoded) return false;
        var span = buffer[..length];
        if (keys.Find(span[0]) is not { } key) return false;
        var body = length - MacBytes;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, span[..body], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..MacBytes], span[body..])) return false;

        var messageLength = span[17];
        var signatureAt = 18 + messageLength;
        if (signatureAt >= body || signatureAt + 1 + span[signatureAt] != body) return false;
        fields = new TokenFields(
            BinaryPrimitives.ReadInt64BigEndian(span[1..]),
            span.Slice(18, messageLength),
            BinaryPrimitives.ReadInt32BigEndian(span[9..]),
            span.Slice(signatureAt + 1, span[signatureAt]),
            BinaryPrimitives.ReadInt32BigEndian(span[13..]));
        return true;
    }
}

/// <summary>A verified token's fields as views into the decoded bytes (message id and signature in UTF-8).</summary>
public readonly ref struct TokenFields(long linkId, ReadOnlySpan<byte> messageId, int employeeId, ReadOnlySpan<byte> signature, int campaignId)
{
    public long LinkId { get; } = linkId;
    public ReadOnlySpan<byte> MessageId { get; } = messageId;
    public int EmployeeId { get; } = employeeId;
    public ReadOnlySpan<byte> Signature { get; } = signature;
    public int CampaignId { get; } = campaignId;

    /// <summary>Whether the token names exactly this row (a token is never trusted for more than its link id).</summary>
    public bool Describes(TrackedLink link) =>
        link.Id == LinkId && link.EmployeeId == EmployeeId && link.CampaignId == CampaignId
        && Utf8Equals(MessageId, link.MessageId) && Utf8Equals(Signature, link.Signature);

    private static bool Utf8Equals(ReadOnlySpan<byte> utf8, string text)
    {
        // A UTF-8 string never has more UTF-16 chars than bytes; fields are at most 255 bytes.
        Span<char> chars = stackalloc char[utf8.Length];
        return Encoding.UTF8.GetChars(utf8, chars) is var count && chars[..count].SequenceEqual(text);
    }
}
