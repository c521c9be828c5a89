using Envoi.Core.Queue;
using MimeKit;
using MimeKit.Cryptography;

namespace Envoi.Core.Pipeline;

/// <summary>
/// Messages whose bytes must reach the recipient unchanged: changing a signed or encrypted message
/// breaks it, and adding a signature or banner to a bounce or an auto-reply is wrong.
/// </summary>
public static class ProtectedMessage
{
    public static string? Reason(MimeMessage message, MessageOrigin origin)
    {
        if (origin != MessageOrigin.Smtp) return "written by Envoi itself";
        switch (message.Body)
        {
            case MultipartSigned: return "signed (S/MIME or PGP multipart/signed)";
            case MultipartEncrypted: return "PGP encrypted (multipart/encrypted)";
            case ApplicationPkcs7Mime: return "S/MIME signed or encrypted (application/pkcs7-mime)";
            case MultipartReport: return "a delivery or read report (multipart/report)";
        }
        if (message.Body is TextPart text && text.Text is { } body
            && body.Contains("-----BEGIN PGP", StringComparison.Ordinal))
            return "inline PGP";
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return $"automatic (Auto-Submitted: {autoSubmitted.Trim()})";
        return null;
    }
}
