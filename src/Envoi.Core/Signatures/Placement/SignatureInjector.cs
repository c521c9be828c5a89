using Envoi.Core.Mime;
using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
using MimeKit;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Puts a rendered signature into a message where a person would have typed it: above the quoted
/// thread in a reply or forward, after the author's text otherwise, never twice. The HTML body
/// gets the HTML form and the text/plain body the text form; only the text at the insertion point
/// changes (no DOM round trip, same charset and transfer encoding).
/// </summary>
public static class SignatureInjector
{
    /// <param name="replaceSignOff">A mobile sign-off line ("Sent from my iPhone") right where the signature goes is replaced by it, instead of staying above it.</param>
    public static InjectionResult Inject(MimeMessage message, RenderedSignature signature, bool replaceSignOff = false)
    {
        if (ProtectedMessage.Reason(message, MessageOrigin.Smtp) is { } reason)
            return new InjectionResult(InjectionOutcome.Protected, $"left untouched: {reason}");

        var bodies = MessageBodies.Of(message);
        if (bodies.Html is null && bodies.Text is null)
            return new InjectionResult(InjectionOutcome.NoTextBody, "no text/html or text/plain body to sign");

        var done = new List<string>();
        var present = new List<string>();
        // A signature without one of its forms leaves that body as it is.
        if (bodies.Html is { } html && signature.Html.Length > 0)
        {
            var placement = InjectHtml(html, signature, replaceSignOff);
            (placement.AlreadyPresent ? present : done).Add(placement.Where);
            if (!placement.AlreadyPresent) InlineImages.Add(message, bodies, signature.Images);
        }
        if (bodies.Text is { } text && signature.Text.Length > 0)
        {
            var placement = InjectText(text, signature, replaceSignOff);
            (placement.AlreadyPresent ? present : done).Add(placement.Where);
        }

        if (done.Count == 0 && present.Count == 0)
            return new InjectionResult(InjectionOutcome.NoTextBody, "the signature has no form for this message's body");
        if (done.Count == 0)
            return new InjectionResult(InjectionOutcome.AlreadyPresent, "already present: " + string.Join(" and ", present));
        var explanation = "inserted " + string.Join(" and ", done);
        if (present.Count > 0) explanation += "; already present " + string.Join(" and ", present);
        return new InjectionResult(InjectionOutcome.Inserted, explanation);
    }

    private static PartPlacement InjectHtml(TextPart part, RenderedSignature signature, bool replaceSignOff)
    {
        using var encoded = EncodedText.TryRead(part);
        var (text, encoding) = encoded is null ? Decode(part) : (encoded.Chars, encoded.Encoding);
        var placement = HtmlPlacement.Find(text, SignatureText.OfHtml(signature.Html));
        if (placement.AlreadyPresent) return placement with { Where = $"{placement.Where} in text/html" };
        var inserted = PartText.ForHtml(SignatureMarker.Wrap(signature), encoding, PartText.IsSevenBit(part.ContentTransferEncoding));
        if (replaceSignOff && MobileSignOffs.HtmlLineBefore(text, placement.Offset) is { } signOff)
            return Replace(part, text, encoding, signOff, inserted, placement, "text/html");
        var note = SplicedText.Insert(part, encoded, text, encoding, placement.Offset, inserted);
        return placement with { Where = $"{placement.Where} in text/html{note}" };
    }

    private static PartPlacement InjectText(TextPart part, RenderedSignature signature, bool replaceSignOff)
    {
        using var encoded = EncodedText.TryRead(part);
        var (text, encoding) = encoded is null ? Decode(part) : (encoded.Chars, encoded.Encoding);
        // A client may have put the signature in itself: Outlook derives the text part from the HTML
        // the add-in inserted, so the text of the HTML form counts as this signature too.
        var forms = signature.Html.Length > 0 ? new[] { SignatureText.Normalize(signature.Text), SignatureText.OfHtml(signature.Html) } : [SignatureText.Normalize(signature.Text)];
        var placement = TextPlacement.Find(text, forms);
        if (placement.AlreadyPresent) return placement with { Where = $"{placement.Where} in text/plain" };
        var inserted = TextSignatureBlock.For(text.Span, placement, signature.Text);
        if (replaceSignOff && MobileSignOffs.TextLineBefore(text.Span, placement.Offset) is { } signOff)
            return Replace(part, text, encoding, signOff, inserted.TrimStart('\r', '\n'), placement, "text/plain");
        var note = SplicedText.Insert(part, encoded, text, encoding, placement.Offset, inserted);
        return placement with { Where = $"{placement.Where} in text/plain{note}" };
    }

    /// <summary>
    /// The signature in place of the sign-off line. Rare enough to take the plain path: the part is
    /// decoded and written again rather than spliced in its stored bytes.
    /// </summary>
    private static PartPlacement Replace(TextPart part, ReadOnlyMemory<char> text, System.Text.Encoding encoding, Range signOff, string inserted, PartPlacement placement, string form)
    {
        var (start, length) = signOff.GetOffsetAndLength(text.Length);
        var note = PartText.Write(part, string.Concat(text.Span[..start], inserted, text.Span[(start + length)..]), encoding, inserted);
        return placement with { Where = $"{placement.Where}, in place of the mobile sign-off, in {form}{note}" };
    }

    private static (ReadOnlyMemory<char> Text, System.Text.Encoding Encoding) Decode(TextPart part)
    {
        var (text, encoding) = PartText.Read(part);
        return (text.AsMemory(), encoding);
    }
}
