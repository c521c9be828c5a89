using MimeKit;

namespace Envoi.Core.Mime;

/// <summary>
/// The message's own text/html and text/plain bodies, and the multipart that holds the HTML one.
/// Attached files (Content-Disposition: attachment), forwarded messages (message/rfc822) and
/// calendar invitations are not bodies, whatever their media type.
/// </summary>
internal sealed class MessageBodies
{
    public TextPart? Html { get; private set; }
    public TextPart? Text { get; private set; }
    /// <summary>The multipart holding <see cref="Html"/>, or null when the HTML part is the whole body.</summary>
    public Multipart? HtmlParent { get; private set; }

    public static MessageBodies Of(MimeMessage message)
    {
        var bodies = new MessageBodies();
        if (message.Body is { } body) bodies.Visit(body, null);
        return bodies;
    }

    private bool Found => Html is not null || Text is not null;

    private void Visit(MimeEntity entity, Multipart? parent)
    {
        switch (entity)
        {
            case TextPart text when !text.IsAttachment:
                if (text.IsHtml && Html is null) { Html = text; HtmlParent = parent; }
                else if (text.IsPlain && Text is null) Text = text;
                break;
            case MultipartRelated related:
                // The root is the body; the other parts are what it shows inline.
                if (related.Root is { } root) Visit(root, related);
                break;
            case Multipart { ContentType.MediaSubtype: var subtype } alternative when subtype.Equals("alternative", StringComparison.OrdinalIgnoreCase):
                foreach (var child in alternative) Visit(child, alternative);
                break;
            case Multipart mixed:
                // The first part that holds text is the body; text parts after it are attachments
                // shown inline (or a mailing list's footer) and not the author's.
                foreach (var child in mixed)
                {
                    Visit(child, mixed);
                    if (Found) break;
                }
                break;
        }
    }
}
