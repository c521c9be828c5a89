using System.Buffers;

namespace Envoi.Mail.Accept;

/// <summary>
/// One pass over the bytes of DATA (already un-dot-stuffed by the SMTP engine) that finds what the
/// gateway must refuse or repair before storing them:
/// <list type="bullet">
/// <item>a "." line touching a bare CR or bare LF: the shape of SMTP smuggling (a server downstream
/// might take it for the end of DATA and read what follows as a second message) — refused;</item>
/// <item>NUL bytes, never legal in SMTP text — refused;</item>
/// <item>other bare CR / bare LF line endings (old scripts send them) — normalized to CRLF;</item>
/// <item>the longest header line and the number of Received headers (loop detection).</item>
/// </list>
/// </summary>
public sealed class DataScan
{
    public bool SmugglingDot { get; private set; }
    public bool HasNul { get; private set; }
    public bool HasBareLineEnding { get; private set; }
    public int LongestHeaderLine { get; private set; }
    public int ReceivedCount { get; private set; }
    public long Length { get; private set; }

    private static ReadOnlySpan<byte> ReceivedPrefix => "received:"u8;

    private bool _pendingCr;
    private bool _previousEndingBare;
    private bool _inHeaders = true;
    private int _lineLength;
    private bool _lineStartsWithDot;
    private int _prefixMatched; // how many bytes of "Received:" the current line starts with

    public static DataScan Of(ReadOnlySequence<byte> data)
    {
        var scan = new DataScan();
        foreach (var segment in data) scan.Feed(segment.Span);
        scan.Finish();
        return scan;
    }

    private void Feed(ReadOnlySpan<byte> bytes)
    {
        Length += bytes.Length;
        foreach (var b in bytes)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                if (b == (byte)'\n') { EndLine(bare: false); continue; }
                EndLine(bare: true);
            }
            switch (b)
            {
                case (byte)'\r': _pendingCr = true; continue;
                case (byte)'\n': EndLine(bare: true); continue;
                case 0: HasNul = true; break;
            }
            if (_lineLength == 0) _lineStartsWithDot = b == (byte)'.';
            if (_inHeaders && _prefixMatched == _lineLength && _lineLength < ReceivedPrefix.Length
                && (b | 0x20) == ReceivedPrefix[_lineLength]) _prefixMatched++;
            _lineLength++;
        }
    }

    private void Finish()
    {
        // The end of DATA is a CRLF the engine consumed, so an unfinished last line ends cleanly.
        if (_pendingCr) EndLine(bare: true);
        else if (_lineLength > 0) EndLine(bare: false);
    }

    private void EndLine(bool bare)
    {
        if (bare) HasBareLineEnding = true;
        if (_lineLength == 1 && _lineStartsWithDot && (bare || _previousEndingBare)) SmugglingDot = true;
        if (_inHeaders)
        {
            if (_lineLength == 0) _inHeaders = false;
            else
            {
                LongestHeaderLine = Math.Max(LongestHeaderLine, _lineLength);
                if (_prefixMatched == ReceivedPrefix.Length) ReceivedCount++;
            }
        }
        _previousEndingBare = bare;
        _lineLength = 0;
        _prefixMatched = 0;
    }

    /// <summary>The same bytes with every bare CR or bare LF turned into CRLF.</summary>
    public static byte[] NormalizeLineEndings(ReadOnlySequence<byte> data)
    {
        var output = new ArrayBufferWriter<byte>((int)Math.Min(int.MaxValue, data.Length + data.Length / 16 + 16));
        bool pendingCr = false;
        foreach (var segment in data)
        {
            foreach (var b in segment.Span)
            {
                if (pendingCr)
                {
                    pendingCr = false;
                    output.Write("\r\n"u8);
                    if (b == (byte)'\n') continue;
                }
                if (b == (byte)'\r') { pendingCr = true; continue; }
                if (b == (byte)'\n') { output.Write("\r\n"u8); continue; }
                output.GetSpan(1)[0] = b;
                output.Advance(1);
            }
        }
        if (pendingCr) output.Write("\r\n"u8);
        return output.WrittenSpan.ToArray();
    }
}
