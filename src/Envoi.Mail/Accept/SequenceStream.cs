using System.Buffers;

namespace Envoi.Mail.Accept;

/// <summary>A read-only stream over the bytes the SMTP engine handed us, so MimeKit can parse them without a copy.</summary>
internal sealed class SequenceStream(ReadOnlySequence<byte> sequence) : Stream
{
    private SequencePosition _position = sequence.Start;
    private long _offset;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => sequence.Length;

    public override long Position
    {
        get => _offset;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _offset = Math.Min(value, sequence.Length);
            _position = sequence.GetPosition(_offset);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = sequence.Slice(_position);
        var length = (int)Math.Min(buffer.Length, remaining.Length);
        remaining.Slice(0, length).CopyTo(buffer);
        _position = sequence.GetPosition(length, _position);
        _offset += length;
        return length;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _offset + offset,
        _ => sequence.Length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
