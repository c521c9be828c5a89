using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// What counts as "something attached": files and attached messages, but not the images a
/// signature or an HTML body shows inline (a logo is not the contract the text announces).
/// </summary>
public static class Attachments
{
    public static int Count(MimeMessage message)
    {
        var count = 0;
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case MessagePart:
                    count++;
                    break;
                case MimePart part when part.IsAttachment:
                    count++;
                    break;
                case MimePart part when part is not TextPart && !IsInlineImage(part):
                    count++; // e.g. an inline PDF without a disposition
                    break;
            }
        }
        return count;
    }

    private static bool IsInlineImage(MimePart part) =>
        part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase)
        && (part.ContentId is not null || part.ContentDisposition?.Disposition == ContentDisposition.Inline);
}
