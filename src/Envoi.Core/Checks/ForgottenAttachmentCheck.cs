using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// "Read it seven times": the author's new text announces an attachment and nothing is attached.
/// The quoted thread and the signature are ignored, and so are images shown inline.
/// </summary>
public static class ForgottenAttachmentCheck
{
    /// <returns>The phrase that announced the missing attachment, or null when the message is fine.</returns>
    public static string? Find(MimeMessage message) => Find(message, AuthorText.Of(message));

    /// <param name="authorText">The message's <see cref="AuthorText"/>, when the caller already has it.</param>
    public static string? Find(MimeMessage message, string authorText) =>
        Attachments.Count(message) > 0 ? null : AttachmentMention.Find(authorText);
}
