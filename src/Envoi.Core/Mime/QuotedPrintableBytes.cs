using MimeKit.Encodings;

namespace Envoi.Core.Mime;

/// <summary>
/// Quoted-printable seen as a sequence of tokens (a literal byte, an <c>=XX</c> escape, a soft line
/// break), so that a position in the decoded bytes can be found again in the encoded ones and a
/// fragment can be spliced in there without re-encoding the rest.
/// </summary>
internal static class QuotedPrintableBytes
{
    /// <summary>
    /// Decodes into <paramref name="output"/> (at least as long as the input) and returns the length,
    /// or -1 when the input has an '=' that is neither an escape nor a soft break: MimeKit's decoder
    /// has its own reading of such bytes, and only its reading is right.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> encoded, Span<byte> output)
    {
        var length = 0;
        var i = 0;
        while (i < encoded.Length)
        {
            var run = encoded[i..].IndexOf((byte)'=');
            if (run < 0) run = encoded.Length - i;
            encoded.Slice(i, run).CopyTo(output[length..]);
            length += run;
            i += run;
            if (i == encoded.Length) break;
            if (SoftBreakLength(encoded, i) is var soft and > 0) i += soft;
            else if (i + 2 < encoded.Length && HexValue(encoded[i + 1]) is var high and >= 0 && HexValue(encoded[i + 2]) is var low and >= 0)
            {
                output[length++] = (byte)(high << 4 | low);
                i += 3;
            }
            else return -1;
        }
        return length;
    }

    /// <summary>
    /// Where the decoded byte at <paramref name="decodedOffset"/> starts in the encoded bytes: always
    /// between two tokens, never inside an escape, and after a soft line break rather than before
    /// it, so that the insertion starts a line whenever it can.
    /// </summary>
    public static int EncodedOffset(ReadOnlySpan<byte> encoded, int decodedOffset)
    {
        var i = 0;
        var decoded = 0;
        while (true)
        {
            // Between two '=' the encoded and decoded bytes are the same, so skip them in one step.
            var run = encoded[i..].IndexOf((byte)'=');
            if (run < 0) run = encoded.Length - i;
            if (decoded + run > decodedOffset) return i + (decodedOffset - decoded);
            i += run;
            decoded += run;
            if (i == encoded.Length) return i;
            if (SoftBreakLength(encoded, i) is var soft and > 0)
            {
                i += soft;
                continue;
            }
            if (decoded == decodedOffset) return i;
            i += 3;
            decoded++;
        }
    }

    /// <summary>
    /// <paramref name="fragment"/> encoded with MimeKit's encoder, in <paramref name="newline"/>
    /// line endings, ending with a line break (a soft one when the fragment does not end a line),
    /// so the bytes that follow it start a line of their own.
    /// </summary>
    public static byte[] Encode(byte[] fragment, string newline)
    {
        var encoder = new QuotedPrintableEncoder();
        var output = new byte[encoder.EstimateOutputLength(fragment.Length)];
        var length = encoder.Flush(fragment, 0, fragment.Length, output);
        var encoded = output.AsSpan(0, length);
        if (newline == "\n") return encoded.ToArray();
        var lines = encoded.Count((byte)'\n');
        var result = new byte[length + lines];
        var at = 0;
        foreach (var b in encoded)
        {
            if (b == (byte)'\n') result[at++] = (byte)'\r';
            result[at++] = b;
        }
        return result;
    }

    private static int SoftBreakLength(ReadOnlySpan<byte> encoded, int at)
    {
        if (at + 1 < encoded.Length && encoded[at + 1] == (byte)'\n') return 2;
        if (at + 2 < encoded.Length && encoded[at + 1] == (byte)'\r' && encoded[at + 2] == (byte)'\n') return 3;
        return 0;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
