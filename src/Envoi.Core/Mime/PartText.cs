using System.Runtime.CompilerServices;
using System.Text;
using MimeKit;

namespace Envoi.Core.Mime;

/// <summary>
/// The slow, general way (see <see cref="EncodedSplice"/> for the fast one): reads a text part's
/// decoded text through MimeKit and writes it back the way it came: same charset, same
/// transfer encoding, so only the inserted signature differs. The two exceptions are said aloud:
/// a signature the charset cannot carry turns the part to UTF-8, and a 7bit part that now holds
/// 8-bit bytes (or over-long lines) becomes quoted-printable.
/// </summary>
internal static class PartText
{
    public static (string Text, Encoding Encoding) Read(TextPart part)
    {
        var text = part.GetText(out var encoding);
        return (text, encoding);
    }

    /// <summary>
    /// HTML can say any character in any charset: characters the part's charset cannot carry become
    /// numeric references, so an HTML body never has to change charset (and contradict its own
    /// <c>&lt;meta charset&gt;</c>). In a 7bit part every non-ASCII character becomes one, so the
    /// part stays 7bit and its bytes can be kept as they are.
    /// </summary>
    public static string ForHtml(string inserted, Encoding encoding, bool sevenBit)
    {
        if (sevenBit ? Ascii.IsValid(inserted) : CanCarry(encoding, inserted)) return inserted;
        var strict = sevenBit ? null : Strict(encoding);
        // A pooled builder: the signature is a few hundred characters, copied once into the result.
        var result = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[512]);
        Span<char> utf16 = stackalloc char[2];
        var rest = inserted.AsSpan();
        while (rest.IndexOfAnyExceptInRange('\0', '\u007F') is var ascii and >= 0)
        {
            result.AppendFormatted(rest[..ascii]);
            // As EnumerateRunes reads it: a lone surrogate is one U+FFFD.
            Rune.DecodeFromUtf16(rest[ascii..], out var rune, out var consumed);
            var text = utf16[..rune.EncodeToUtf16(utf16)];
            if (strict is not null && CanEncode(strict, text)) result.AppendFormatted(text);
            else
            {
                result.AppendLiteral("&#x");
                result.AppendFormatted(rune.Value, "X");
                result.AppendLiteral(";");
            }
            rest = rest[(ascii + consumed)..];
        }
        result.AppendFormatted(rest);
        return result.ToStringAndClear();
    }

    public static bool IsSevenBit(ContentEncoding transfer) => transfer is ContentEncoding.Default or ContentEncoding.SevenBit;

    /// <summary>Replaces the part's content; returns what had to change besides the text ("" when nothing did).</summary>
    public static string Write(TextPart part, string text, Encoding encoding, string inserted)
    {
        var note = "";
        if (!CanCarry(encoding, inserted))
        {
            encoding = new UTF8Encoding(false);
            part.ContentType.Charset = "utf-8";
            note = ", switched to UTF-8 because its charset cannot carry the signature";
        }
        else note = DeclareCharset(part, encoding, inserted);
        var bytes = encoding.GetBytes(text);
        part.Content = new MimeContent(new MemoryStream(bytes, writable: false), ContentEncoding.Default);

        var transfer = part.ContentTransferEncoding;
        var sevenBit = IsSevenBit(transfer);
        if ((sevenBit && HasEightBitBytes(bytes)) || ((sevenBit || transfer is ContentEncoding.EightBit) && LineLengths.HasLongLine(bytes)))
        {
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
            note += ", now quoted-printable (the signature needs 8 bits or long lines)";
        }
        return note;
    }

    /// <summary>Without a charset parameter readers assume US-ASCII: say what the new bytes are.</summary>
    public static string DeclareCharset(TextPart part, Encoding encoding, string inserted)
    {
        if (part.ContentType.Charset is not null || Ascii.IsValid(inserted)) return "";
        part.ContentType.Charset = encoding.WebName;
        return $", charset {encoding.WebName} declared for the signature's non-ASCII characters";
    }

    public static bool CanCarry(Encoding encoding, string inserted) =>
        encoding is UTF8Encoding or UnicodeEncoding or UTF32Encoding || Ascii.IsValid(inserted) || CanEncode(Strict(encoding), inserted);

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);

    private static bool CanEncode(Encoding strict, ReadOnlySpan<char> text)
    {
        try
        {
            strict.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    public static bool HasEightBitBytes(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
}
