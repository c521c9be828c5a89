using System.Text;
using MimeKit;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// A body part's text for a stage that changes a few places of it (banner, tracked links): read next
/// to its stored bytes when they can be spliced (<see cref="EncodedText"/>), else decoded through
/// MimeKit, as the signature injector reads it.
/// </summary>
internal static class SplicedText
{
    public static (EncodedText? Encoded, string Text, Encoding Encoding) Read(TextPart part)
    {
        var encoded = EncodedText.TryRead(part);
        var (text, encoding) = encoded is null ? PartText.Read(part) : (encoded.Text, encoded.Encoding);
        return (encoded, text, encoding);
    }
}
