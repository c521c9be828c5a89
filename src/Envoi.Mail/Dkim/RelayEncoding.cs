using MimeKit;
using MimeKit.Cryptography;

namespace Envoi.Mail.Dkim;

/// <summary>
/// Makes the signed bytes fit every upstream. MailKit's SmtpClient normally calls
/// <c>message.Prepare(…)</c> before sending (7bit, 8bit or binary, as the upstream allows), but it
/// skips that for a message carrying a DKIM-Signature, so as not to break it: a signed message is
/// sent exactly as it is. Envoi therefore prepares for 7bit before signing. The signed bytes are
/// then valid for an upstream without 8BITMIME, and no later hop has to downgrade them (which would
/// break the signature). Quoted-printable and base64 parts are never touched again, and 7-bit text
/// is 7-bit under every constraint, so the result is stable.
/// </summary>
public static class RelayEncoding
{
    // RFC 5322's line limit: only lines longer than this are re-encoded for length.
    private const int MaxLineLength = 998;

    public static void PrepareForSigning(MimeMessage message) => message.Prepare(EncodingConstraint.SevenBit, MaxLineLength);

    /// <summary>
    /// True when preparing would change nothing, i.e. the message can be signed and relayed as it
    /// is to any upstream. Used for protected messages, whose bytes Envoi must not change.
    /// </summary>
    public static bool IsStable(MimeMessage message) => IsStable(message.Body);

    private static bool IsStable(MimeEntity? entity) => entity switch
    {
        null => true,
        // MimeKit never re-encodes signed content (that would break the S/MIME or PGP signature).
        MultipartSigned => true,
        Multipart multipart => multipart.All(IsStable),
        MessagePart { Message: var inner } => inner is null || IsStable(inner.Body),
        MimePart part => part.ContentTransferEncoding switch
        {
            ContentEncoding.Base64 or ContentEncoding.QuotedPrintable or ContentEncoding.UUEncode => true,
            ContentEncoding.Default or ContentEncoding.SevenBit => part.GetBestEncoding(EncodingConstraint.SevenBit, MaxLineLength) == ContentEncoding.SevenBit,
            _ => false, // 8bit or binary: re-encoded for an upstream without 8BITMIME / BINARYMIME
        },
        _ => true,
    };
}
