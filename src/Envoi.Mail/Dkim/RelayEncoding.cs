using MimeKit;
using MimeKit.Cryptography;

namespace Envoi.Mail.Dkim;

/// <summary>
/// Makes sure the bytes MailKit relays are the bytes that were signed. MailKit's SmtpClient calls
/// <c>message.Prepare(…)</c> before sending, with 7bit, 8bit or binary as the upstream allows, and
/// that re-encodes any part the upstream could not take. Preparing for 7bit first leaves MailKit
/// nothing to change whatever the upstream supports (quoted-printable and base64 parts are never
/// touched again, and 7-bit text is 7-bit under every constraint); it also keeps the signature
/// valid if a later hop without 8BITMIME would otherwise have to downgrade the message.
/// </summary>
public static class RelayEncoding
{
    // RFC 5322's line limit: only lines longer than this are re-encoded for length.
    private const int MaxLineLength = 998;

    public static void PrepareForSigning(MimeMessage message) => message.Prepare(EncodingConstraint.SevenBit, MaxLineLength);

    /// <summary>
    /// True when preparing would change nothing, i.e. the message can be signed and relayed as it
    /// is. Used for protected messages, whose bytes Envoi must not change.
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
