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
        if (AutoSubmitted(message) is { } value) return $"automatic (Auto-Submitted: {value})";
        return null;
    }

    /// <summary>Written by a machine, not a person: a report, an out-of-office, a list robot's reply.</summary>
    public static bool IsAutomatic(MimeMessage message) => message.Body is MultipartReport || AutoSubmitted(message) is not null;

    private static string? AutoSubmitted(MimeMessage message)
    {
        var value = message.Headers[HeaderId.AutoSubmitted]?.Trim();
        return string.IsNullOrEmpty(value) || value.Equals("no", StringComparison.OrdinalIgnoreCase) ? null : value;
    }
}
