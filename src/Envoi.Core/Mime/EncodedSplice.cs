using MimeKit;
using MimeKit.IO;

namespace Envoi.Core.Mime;

/// <summary>
/// Inserts text into a part by splicing its stored bytes: the bytes before the insertion point,
/// the inserted text encoded the way the part is, the bytes after. MimeKit then copies the new
/// content as it is, so a signature costs about what copying the part costs, not a decode and
/// re-encode of the whole body. The unchanged bytes are not copied either: the new content reads
/// them from the part's original stream (<see cref="EncodedText.Source"/>), as MimeKit would have.
/// </summary>
internal static class EncodedSplice
{
    /// <summary>A quoted-printable line, soft break included (RFC 2045 §6.7).</summary>
    private const int MaxQuotedPrintableLine = 76;

    /// <summary>
    /// Returns what had to change besides the text ("" when nothing did), or null when only a full
    /// re-encode is right (<see cref="PartText.Write"/>): a signature the charset cannot carry, a
    /// line the splice would make too long, a 7bit part that already holds 8-bit bytes.
    /// </summary>
    public static string? TryInsert(TextPart part, EncodedText source, int charOffset, string inserted)
    {
        if (!PartText.CanCarry(source.Encoding, inserted)) return null;
        if (charOffset > 0 && char.IsHighSurrogate(source.Chars.Span[charOffset - 1])) return null;
        var fragment = source.Encoding.GetBytes(WithNewline(inserted, source.Newline));
        var decodedOffset = source.DecodedOffset(charOffset);

        return source.IsQuotedPrintable
            ? TryInsertQuotedPrintable(part, source, decodedOffset, fragment, inserted)
            : TryInsertIdentity(part, source, decodedOffset, fragment, inserted);
    }

    private static string? TryInsertIdentity(TextPart part, EncodedText source, int offset, byte[] fragment, string inserted)
    {
        var stored = source.Stored.Span;
        var transfer = part.ContentTransferEncoding;
        var sevenBit = PartText.IsSevenBit(transfer);
        if ((sevenBit || transfer == ContentEncoding.EightBit) && LineLengths.HasLongLine(stored[..offset], fragment, stored[offset..]))
            return null;

        var note = PartText.DeclareCharset(part, source.Encoding, inserted);
        var storage = source.Storage;
        // A 7bit part that already holds 8-bit bytes (mislabelled by its client) is relabelled too:
        // re-encoding it would replace the author's bytes with '?' (found by fuzzing).
        var eightBitAlready = sevenBit && PartText.HasEightBitBytes(stored);
        if (sevenBit && (eightBitAlready || PartText.HasEightBitBytes(fragment)))
        {
            // Only text/plain needs it for the signature (HTML in a 7bit part says non-ASCII as character
            // references). 8bit rather than quoted-printable: the rest of the part stays byte for byte, and 8bit is
            // safe on the way out: MailKit re-encodes it for an upstream without 8BITMIME, and the
            // DKIM stage prepares the message for 7bit before signing.
            part.ContentTransferEncoding = ContentEncoding.EightBit;
            note += eightBitAlready ? ", now 8bit (it held 8-bit bytes)" : ", now 8bit (the signature needs 8 bits)";
            // Identity bytes are the same in 7bit and 8bit: saying so lets MimeKit copy them out
            // as they are instead of running them through a pass-through encoder.
            storage = ContentEncoding.EightBit;
        }
        part.Content = new MimeContent(Chain(Range(source, 0, offset), Bytes(fragment), Range(source, offset, stored.Length)), storage);
        return note;
    }

    private static string? TryInsertQuotedPrintable(TextPart part, EncodedText source, int decodedOffset, byte[] fragment, string inserted)
    {
        var stored = source.Stored.Span;
        var at = QuotedPrintableBytes.EncodedOffset(stored, decodedOffset);
        var lineStart = stored[..at].LastIndexOf((byte)'\n') + 1;
        // Mid-line the fragment needs a soft break before it, and the line must still fit with its '='.
        var midLine = at > lineStart;
        if (midLine && at - lineStart + 1 > MaxQuotedPrintableLine) return null;

        var note = PartText.DeclareCharset(part, source.Encoding, inserted);
        var newline = source.Newline;
        byte[] softBreak = midLine ? [(byte)'=', .. System.Text.Encoding.ASCII.GetBytes(newline)] : [];
        // The encoded fragment ends with a line break, so the rest of the original line starts a line of its own.
        var encoded = QuotedPrintableBytes.Encode(fragment, newline);
        part.Content = new MimeContent(Chain(Range(source, 0, at), Bytes(softBreak), Bytes(encoded), Range(source, at, stored.Length)), ContentEncoding.QuotedPrintable);
        return note;
    }

    private static string WithNewline(string text, string newline) =>
        newline == "\n" ? text.Replace("\r\n", "\n") : text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>The pieces one after the other, without copying them into one array.</summary>
    private static ChainedStream Chain(params Stream[] pieces)
    {
        var chain = new ChainedStream();
        foreach (var piece in pieces) chain.Add(piece);
        return chain;
    }

    /// <summary>Bytes [start, end) of the original content, read from its stream when the message is written.</summary>
    private static BoundStream Range(EncodedText source, int start, int end) => new(source.Source, start, end, leaveOpen: true);

    private static MemoryStream Bytes(byte[] bytes) => new(bytes, writable: false);
}
