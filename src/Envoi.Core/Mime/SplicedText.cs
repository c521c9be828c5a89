using System.Text;
using MimeKit;

namespace Envoi.Core.Mime;

/// <summary>
/// A body part's text for a stage that changes a few places of it (signature, banner, tracked links):
/// read next to its stored bytes when they can be spliced (<see cref="EncodedText"/>), else decoded
/// through MimeKit; and the one way text is inserted into it.
/// </summary>
internal static class SplicedText
{
    public static (EncodedText? Encoded, string Text, Encoding Encoding) Read(TextPart part)
    {
        var encoded = EncodedText.TryRead(part);
        var (text, encoding) = encoded is null ? PartText.Read(part) : (encoded.Text, encoded.Encoding);
        return (encoded, text, encoding);
    }

    /// <summary>
    /// Inserts at a character offset the way every stage changes a body: the stored bytes spliced when
    /// they can be, the whole part decoded and re-encoded when they cannot. Returns what
    /// <see cref="PartText.Write"/> or <see cref="EncodedSplice.TryInsert"/> says of the encoding.
    /// </summary>
    public static string Insert(TextPart part, EncodedText? encoded, ReadOnlyMemory<char> text, Encoding encoding, int offset, string inserted) =>
        (encoded is null ? null : EncodedSplice.TryInsert(part, encoded, offset, inserted))
        ?? PartText.Write(part, string.Concat(text.Span[..offset], inserted, text.Span[offset..]), encoding, inserted);
}
