using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// "Read it seven times": the author's new text announces an attachment and nothing is attached.
/// The quoted thread and the signature are ignored, and so are images shown inline.
/// </summary>
public static class ForgottenAttachmentCheck
{
    /// <returns>The phrase that announced the missing attachment, or null when the message is fine.</returns>
    public static string? Find(MimeMessage message)
    {
        if (Attachments.Count(message) > 0) return null;
        return AttachmentMention.Find(AuthorText.Of(message));
    }
}
