using MimeKit;
using Envoi.Core.Mime;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Whether the quoted thread of a reply already holds a signature: the text below where the new
/// signature would go (the quote) is compared with the signature's words, in the text body and
/// in the HTML body, the way "never twice" recognizes a signature that went through clients
/// (quote marks, re-wrapped lines and rewritten links aside).
/// </summary>
internal static class ThreadSignatures
{
    public static bool Holds(MimeMessage message, RenderedSignature signature)
    {
        var bodies = MessageBodies.Of(message);
        var forms = new List<string>(2);
        if (signature.Text.Length > 0) forms.Add(SignatureText.Normalize(signature.Text));
        if (signature.Html.Length > 0) forms.Add(SignatureText.OfHtml(signature.Html));
        if (forms.Count == 0) return false;

        if (bodies.Text is { } text)
        {
            var content = PartText.Read(text).Text.AsMemory();
            var placement = TextPlacement.Find(content, forms);
            if (!placement.AlreadyPresent && !placement.AtEnd && SignatureText.IsIn(content.Span[placement.Offset..], forms)) return true;
        }
        if (bodies.Html is { } html && signature.Html.Length > 0)
        {
            var content = PartText.Read(html).Text.AsMemory();
            var placement = HtmlPlacement.Find(content, forms[^1]);
            if (!placement.AlreadyPresent && !placement.AtEnd)
            {
                var quoted = HtmlOutline.Of(content[placement.Offset..]).Lines.Select(l => l.Text);
                if (forms.Any(form => SignatureText.IsIn(quoted, form))) return true;
            }
        }
        return false;
    }
}
