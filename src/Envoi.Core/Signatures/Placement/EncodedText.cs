using System.Text;
using MimeKit;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// A text part's text read from the bytes as they are stored (identity or quoted-printable), kept
/// next to those bytes so an insertion can be spliced into them instead of re-encoding the part.
/// Reading this way skips MimeKit's filter chain; the charset is chosen as <c>TextPart.GetText</c>
/// chooses it (declared, else detected, else UTF-8 when valid, else Latin-1).
/// </summary>
internal sealed class EncodedText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private EncodedText(string text, Encoding encoding, byte[] stored, byte[] decoded, ContentEncoding storage)
    {
        Text = text;
        Encoding = encoding;
        Stored = stored;
        Decoded = decoded;
        Storage = storage;
    }

    public string Text { get; }

    public Encoding Encoding { get; }

    /// <summary>The content bytes as MimeKit holds them (still quoted-printable for a parsed QP part).</summary>
    public byte[] Stored { get; }

    /// <summary>The bytes after undoing <see cref="Storage"/> (the same array as <see cref="Stored"/> for identity).</summary>
    public byte[] Decoded { get; }

    /// <summary>How <see cref="Stored"/> is encoded: the parsed part's transfer encoding, or none for content built in memory.</summary>
    public ContentEncoding Storage { get; }

    public bool IsQuotedPrintable => Storage == ContentEncoding.QuotedPrintable;

    /// <summary>
    /// Null when the part needs MimeKit's full decode: base64 and other encodings, a byte-order
    /// mark, a multi-byte charset other than UTF-8, or bytes the charset rejects (GetText would
    /// replace them, and the text would no longer match the bytes one to one).
    /// </summary>
    public static EncodedText? TryRead(TextPart part)
    {
        if (part.Content is not { } content) return null;
        var storage = content.Encoding;
        if (storage is not (ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary or ContentEncoding.QuotedPrintable))
            return null;
        if (storage == ContentEncoding.QuotedPrintable && part.ContentTransferEncoding != ContentEncoding.QuotedPrintable) return null;

        if (content.Stream is not { CanSeek: true } stream) return null;
        var stored = ReadAll(stream);
        var decoded = storage == ContentEncoding.QuotedPrintable ? QuotedPrintableBytes.Decode(stored) : stored;
        if (decoded is null || StartsWithByteOrderMark(decoded)) return null;

        if (!part.TryDetectEncoding(out var encoding, out _))
        {
            // What GetText does without a charset: UTF-8 when the bytes are valid UTF-8, else Latin-1.
            var utf8 = TryDecode(StrictUtf8, decoded);
            return utf8 is not null
                ? new EncodedText(utf8, StrictUtf8, stored, decoded, storage)
                : new EncodedText(Encoding.Latin1.GetString(decoded), Encoding.Latin1, stored, decoded, storage);
        }
        if (encoding.CodePage != Encoding.UTF8.CodePage && !encoding.IsSingleByte) return null;
        var strict = encoding.CodePage == Encoding.UTF8.CodePage
            ? StrictUtf8
            : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return TryDecode(strict, decoded) is { } text ? new EncodedText(text, encoding, stored, decoded, storage) : null;
    }

    /// <summary>The offset in <see cref="Decoded"/> of the character at <paramref name="charOffset"/>.</summary>
    public int DecodedOffset(int charOffset) => Encoding.GetByteCount(Text.AsSpan(0, charOffset));

    /// <summary>The line ending the part uses, for the inserted bytes to match it.</summary>
    public string Newline
    {
        get
        {
            var lf = Stored.AsSpan().IndexOf((byte)'\n');
            return lf > 0 && Stored[lf - 1] == (byte)'\r' ? "\r\n" : "\n";
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        // With persistent parsing this is a bounded view of the spool file: read just that window.
        stream.Seek(0, SeekOrigin.Begin);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        stream.Seek(0, SeekOrigin.Begin);
        return bytes;
    }

    private static string? TryDecode(Encoding strict, byte[] bytes)
    {
        try
        {
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool StartsWithByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
}
