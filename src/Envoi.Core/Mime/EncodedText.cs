using System.Buffers;
using System.Text;
using System.Text.Unicode;
using MimeKit;

namespace Envoi.Core.Mime;

/// <summary>
/// A text part's text read from the bytes as they are stored (identity or quoted-printable), kept
/// next to those bytes so an insertion can be spliced into them instead of re-encoding the part.
/// Reading this way skips MimeKit's filter chain; the charset is chosen as <c>TextPart.GetText</c>
/// chooses it (declared, else detected, else UTF-8 when valid, else Latin-1).
/// The bytes and the characters live in pooled buffers until <see cref="Dispose"/>: a 60 KB HTML
/// body as a string would be a new 120 KB object on the large-object heap for every message,
/// which cost more than finding the quote in it. <see cref="Text"/> makes that string only when asked.
/// </summary>
internal sealed class EncodedText : IDisposable
{
    private byte[]? _stored;
    private readonly int _storedLength;
    private byte[]? _decoded;
    private readonly int _decodedLength;
    private char[]? _chars;
    private readonly int _charLength;
    private string? _text;

    private readonly bool _replacedUtf8;

    private EncodedText(Stream source, ContentEncoding storage, byte[] stored, int storedLength, byte[] decoded, int decodedLength, char[] chars, int charLength, Encoding encoding, bool replacedUtf8)
    {
        _replacedUtf8 = replacedUtf8;
        Source = source;
        Storage = storage;
        _stored = stored;
        _storedLength = storedLength;
        _decoded = decoded;
        _decodedLength = decodedLength;
        _chars = chars;
        _charLength = charLength;
        Encoding = encoding;
    }

    /// <summary>The decoded text, valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<char> Chars => new(Live(_chars), 0, _charLength);

    /// <summary>The decoded text as a string, made on first use (a copy of <see cref="Chars"/>).</summary>
    public string Text => _text ??= new string(Chars.Span);

    public Encoding Encoding { get; }

    /// <summary>The part's content stream as MimeKit holds it: a splice keeps reading its unchanged ranges from there.</summary>
    public Stream Source { get; }

    /// <summary>The content bytes as MimeKit holds them (still quoted-printable for a parsed QP part), valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Stored => new(Live(_stored), 0, _storedLength);

    /// <summary>The bytes after undoing <see cref="Storage"/> (the same bytes as <see cref="Stored"/> for identity).</summary>
    public ReadOnlyMemory<byte> Decoded => new(Live(_decoded), 0, _decodedLength);

    /// <summary>How <see cref="Stored"/> is encoded: the parsed part's transfer encoding, or none for content built in memory.</summary>
    public ContentEncoding Storage { get; }

    public bool IsQuotedPrintable => Storage == ContentEncoding.QuotedPrintable;

    /// <summary>
    /// Null when the part needs MimeKit's full decode: base64 and other encodings, a byte-order
    /// mark, or a multi-byte charset other than UTF-8. Bytes the declared charset rejects (Latin-1
    /// labelled UTF-8, 8-bit bytes in US-ASCII) are read as replacement characters, as GetText
    /// reads them, but stay as they are in the stored bytes: a splice keeps the author's bytes,
    /// where decoding and re-encoding the part would turn them into U+FFFD or '?' (found by fuzzing).
    /// </summary>
    public static EncodedText? TryRead(TextPart part)
    {
        if (part.Content is not { } content) return null;
        var storage = content.Encoding;
        if (storage is not (ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary or ContentEncoding.QuotedPrintable))
            return null;
        if (storage == ContentEncoding.QuotedPrintable && part.ContentTransferEncoding != ContentEncoding.QuotedPrintable) return null;
        if (content.Stream is not { CanSeek: true } stream) return null;

        var (stored, storedLength) = ReadAll(stream);
        var decoded = stored;
        var decodedLength = storedLength;
        if (storage == ContentEncoding.QuotedPrintable)
        {
            decoded = ArrayPool<byte>.Shared.Rent(Math.Max(storedLength, 1));
            decodedLength = QuotedPrintableBytes.Decode(stored.AsSpan(0, storedLength), decoded);
        }
        var bytes = decoded.AsSpan(0, Math.Max(decodedLength, 0));
        if (decodedLength < 0 || StartsWithByteOrderMark(bytes) || Charset(part) is not { } encoding)
        {
            Return(stored, decoded);
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(encoding.GetMaxCharCount(bytes.Length), 1));
        var length = TryDecode(encoding, bytes, chars);
        var replacedUtf8 = false;
        // What GetText does without a charset: UTF-8 when the bytes are valid UTF-8, else Latin-1.
        if (length < 0 && encoding == NoCharset)
        {
            encoding = Encoding.Latin1;
            length = Encoding.Latin1.GetChars(bytes, chars);
        }
        if (length < 0)
            (length, replacedUtf8) = DecodeReplacing(encoding, bytes, chars);
        return new EncodedText(stream, storage, stored, storedLength, decoded, decodedLength, chars, length, encoding == NoCharset ? StrictUtf8 : encoding, replacedUtf8);
    }

    /// <summary>The offset in <see cref="Decoded"/> of the character at <paramref name="charOffset"/>.</summary>
    public int DecodedOffset(int charOffset)
    {
        if (!_replacedUtf8) return Encoding.GetByteCount(Chars.Span[..charOffset]);
        // A replacement character stands for one to three rejected bytes: count the bytes that
        // decode to the characters before the offset instead of re-encoding those characters.
        var decoder = new UTF8Encoding(false, false).GetDecoder();
        var room = ArrayPool<char>.Shared.Rent(Math.Max(charOffset, 1));
        try
        {
            decoder.Convert(Decoded.Span, room.AsSpan(0, charOffset), flush: false, out var bytesUsed, out _, out _);
            return bytesUsed;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(room);
        }
    }

    /// <summary>The line ending the part uses, for the inserted bytes to match it.</summary>
    public string Newline
    {
        get
        {
            var stored = Stored.Span;
            var lf = stored.IndexOf((byte)'\n');
            return lf > 0 && stored[lf - 1] == (byte)'\r' ? "\r\n" : "\n";
        }
    }

    public void Dispose()
    {
        if (_stored is null) return;
        Return(_stored, _decoded!);
        ArrayPool<char>.Shared.Return(_chars!);
        _stored = _decoded = null;
        _chars = null;
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Stands for "no charset declared or detected" until the bytes say whether they are UTF-8.</summary>
    private static readonly Encoding NoCharset = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>The declared or detected charset, <see cref="NoCharset"/> for none, null for one only MimeKit may decode.</summary>
    private static Encoding? Charset(TextPart part)
    {
        if (!part.TryDetectEncoding(out var encoding, out _)) return NoCharset;
        if (encoding.CodePage == Encoding.UTF8.CodePage) return encoding;
        return encoding.IsSingleByte ? encoding : null;
    }

    /// <summary>The number of characters, or -1 when the charset rejects the bytes.</summary>
    private static int TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, char[] chars)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
            return Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done ? written : -1;
        try
        {
            var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return strict.GetChars(bytes, chars);
        }
        catch (DecoderFallbackException)
        {
            return -1;
        }
    }

    /// <summary>Decodes what the charset rejects as replacement characters; UTF-8 then needs <see cref="DecodedOffset"/>'s walk.</summary>
    private static (int Length, bool ReplacedUtf8) DecodeReplacing(Encoding encoding, ReadOnlySpan<byte> bytes, char[] chars)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: true);
            return (written, true);
        }
        // A single-byte charset replaces each rejected byte by one '?': offsets stay one to one.
        var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        return (lenient.GetChars(bytes, chars), false);
    }

    private static (byte[] Bytes, int Length) ReadAll(Stream stream)
    {
        // With persistent parsing this is a bounded view of the spool file: read just that window.
        stream.Seek(0, SeekOrigin.Begin);
        var length = checked((int)stream.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        stream.ReadExactly(bytes, 0, length);
        stream.Seek(0, SeekOrigin.Begin);
        return (bytes, length);
    }

    private static void Return(byte[] stored, byte[] decoded)
    {
        if (!ReferenceEquals(decoded, stored)) ArrayPool<byte>.Shared.Return(decoded);
        ArrayPool<byte>.Shared.Return(stored);
    }

    private static T[] Live<T>(T[]? buffer) => buffer ?? throw new ObjectDisposedException(nameof(EncodedText));

    private static bool StartsWithByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
}
