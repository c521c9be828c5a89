using MimeKit;

namespace Envoi.Core.Mime;

/// <summary>
/// Replaces stretches of a text part's text (the links being tracked) in its stored bytes, the way
/// <see cref="EncodedSplice"/> inserts a signature: the bytes around each link are kept as they are,
/// so a long quoted thread costs a copy, not a decode and re-encode.
/// </summary>
internal static class EncodedReplace
{
    /// <summary>A quoted-printable line, soft break included (RFC 2045 §6.7).</summary>
    private const int MaxQuotedPrintableLine = 76;

    /// <summary>
    /// Replaces [Start, Start + Length) of <see cref="EncodedText.Text"/> with each Text (in order,
    /// not overlapping); false when only a full re-encode is right (a line that would grow too long).
    /// </summary>
    public static bool TryReplace(TextPart part, EncodedText source, IReadOnlyList<(int Start, int Length, string Text)> replacements)
    {
        var stored = source.Stored.Span;
        var output = new MemoryStream(stored.Length + replacements.Sum(r => r.Text.Length * 2));
        var copied = 0;
        foreach (var (start, length, text) in replacements)
        {
            var bytes = source.Encoding.GetBytes(text);
            var (from, to) = (Encoded(source, start), Encoded(source, start + length));
            if (source.IsQuotedPrintable)
            {
                var lineStart = stored[..from].LastIndexOf((byte)'\n') + 1;
                // Mid-line the replacement starts on a line of its own after a soft break, which must still fit.
                if (from > lineStart && from - lineStart + 1 > MaxQuotedPrintableLine) return false;
                output.Write(stored[copied..from]);
                if (from > lineStart) output.Write([(byte)'=', .. System.Text.Encoding.ASCII.GetBytes(source.Newline)]);
                output.Write(QuotedPrintableBytes.Encode(bytes, source.Newline));
            }
            else
            {
                output.Write(stored[copied..from]);
                output.Write(bytes);
            }
            copied = to;
        }
        output.Write(stored[copied..]);
        var result = output.ToArray();

        var transfer = part.ContentTransferEncoding;
        if (!source.IsQuotedPrintable && (PartText.IsSevenBit(transfer) || transfer == ContentEncoding.EightBit) && LineLengths.HasLongLine(result)) return false;
        part.Content = new MimeContent(new MemoryStream(result, writable: false), source.Storage);
        return true;
    }

    /// <summary>Where the character at <paramref name="charOffset"/> starts in the stored bytes.</summary>
    private static int Encoded(EncodedText source, int charOffset)
    {
        var decoded = source.DecodedOffset(charOffset);
        return source.IsQuotedPrintable ? QuotedPrintableBytes.EncodedOffset(source.Stored.Span, decoded) : decoded;
    }
}
