using System.Text;
using MimeKit;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Reads a text part's decoded text and writes it back the way it came: same charset, same
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
    /// <c>&lt;meta charset&gt;</c>).
    /// </summary>
    public static string ForHtml(string inserted, Encoding encoding)
    {
        if (CanCarry(encoding, inserted)) return inserted;
        var strict = Strict(encoding);
        var result = new StringBuilder(inserted.Length + 32);
        foreach (var rune in inserted.EnumerateRunes())
        {
            var text = rune.ToString();
            if (rune.IsAscii || CanEncode(strict, text)) result.Append(text);
            else result.Append("&#x").Append(rune.Value.ToString("X")).Append(';');
        }
        return result.ToString();
    }

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
        else if (part.ContentType.Charset is null && !Ascii.IsValid(inserted))
        {
            // Without a charset parameter readers assume US-ASCII: say what the new bytes are.
            part.ContentType.Charset = encoding.WebName;
            note = $", charset {encoding.WebName} declared for the signature's non-ASCII characters";
        }
        var bytes = encoding.GetBytes(text);
        part.Content = new MimeContent(new MemoryStream(bytes, writable: false), ContentEncoding.Default);

        var transfer = part.ContentTransferEncoding;
        var sevenBit = transfer is ContentEncoding.Default or ContentEncoding.SevenBit;
        if ((sevenBit && HasEightBitBytes(bytes)) || (transfer is ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit && HasLongLine(bytes)))
        {
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
            note += ", now quoted-printable (the signature needs 8 bits or long lines)";
        }
        return note;
    }

    private static bool CanCarry(Encoding encoding, string inserted) =>
        encoding is UTF8Encoding or UnicodeEncoding or UTF32Encoding || Ascii.IsValid(inserted) || CanEncode(Strict(encoding), inserted);

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);

    private static bool CanEncode(Encoding strict, string text)
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

    private static bool HasEightBitBytes(byte[] bytes) => bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>RFC 5322 limits a line to 998 octets; only quoted-printable or base64 may carry longer ones.</summary>
    private static bool HasLongLine(byte[] bytes)
    {
        var lineStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            if (i - lineStart > 998) return true;
            lineStart = i + 1;
        }
        return bytes.Length - lineStart > 998;
    }
}
