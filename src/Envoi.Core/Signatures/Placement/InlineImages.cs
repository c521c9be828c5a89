using MimeKit;
using Envoi.Core.Mime;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Puts a signature's embedded images next to the HTML body in multipart/related, where
/// <c>cid:</c> references resolve: into the related part that already holds the HTML, or into a
/// new one that takes the HTML part's place.
/// </summary>
internal static class InlineImages
{
    public static void Add(MimeMessage message, MessageBodies bodies, IReadOnlyList<SignatureImage> images)
    {
        if (images.Count == 0 || bodies.Html is not { } html) return;
        var related = bodies.HtmlParent as MultipartRelated ?? WrapInRelated(message, html, bodies.HtmlParent);
        var present = related.OfType<MimePart>().Select(p => p.ContentId).Where(id => id is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var image in images)
            if (present.Add(image.ContentId)) related.Add(Part(image));
    }

    private static MultipartRelated WrapInRelated(MimeMessage message, TextPart html, Multipart? parent)
    {
        var related = new MultipartRelated();
        if (parent is null) message.Body = related;
        else parent[parent.IndexOf(html)] = related;
        related.Add(html);
        return related;
    }

    private static MimePart Part(SignatureImage image) => new(ContentType.Parse(image.ContentType))
    {
        ContentId = image.ContentId,
        Content = new MimeContent(new MemoryStream(image.Content, writable: false)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = image.FileName },
        ContentTransferEncoding = ContentEncoding.Base64,
    };
}
