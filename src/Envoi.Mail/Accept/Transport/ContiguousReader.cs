using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Envoi.Mail.Accept.Transport;

/// <summary>
/// The input side of an SMTP connection, handed to the SmtpServer engine. It always presents the
/// unconsumed bytes as a single contiguous segment. SmtpServer 11.1 misses an end-of-DATA or a CRLF
/// that straddles two pipe segments when its tail arrives in a later read (the session then hangs),
/// and faults on a MAIL FROM whose parameters cross a segment; with one segment neither can happen.
/// Before it blocks on the network it lets the writer send what it holds (reply coalescing).
/// </summary>
internal sealed class ContiguousReader : PipeReader
{
    private const int InitialSize = 16 * 1024;
    private readonly GrowableBuffer _buffer = new(InitialSize);
    private readonly Func<ValueTask> _beforeBlockingRead;
    private Stream _stream;
    private int _start, _end, _examined;
    private bool _streamEnded, _completed;
    private CancellationTokenSource? _pendingRead;
    private volatile bool _cancelNextRead;

    public ContiguousReader(Stream stream, Func<ValueTask> beforeBlockingRead)
    {
        _stream = stream;
        _beforeBlockingRead = beforeBlockingRead;
    }

    /// <summary>
    /// The last line the engine consumed when it was a MAIL or RCPT command holding non-ASCII bytes,
    /// else null. SmtpServer 11.1 decodes the domain of such an address as ASCII (every byte above
    /// 127 becomes '?'), so <see cref="Accept.InternationalAddress"/> reads the address from these
    /// bytes instead. The engine consumes a command line only after parsing it and runs the command
    /// before it reads the next, so at MAIL or RCPT time this is that command's own line.
    /// </summary>
    public byte[]? LastInternationalCommand { get; private set; }

    /// <summary>True when the engine has bytes it has not looked at yet (pipelined commands).</summary>
    public bool HasUnexaminedInput => _examined < _end;

    /// <summary>
    /// Switches to the TLS stream and forgets any clear-text bytes received after STARTTLS: they were
    /// sent before the handshake and must not be executed as if protected (CVE-2011-0411 class).
    /// </summary>
    public void SwitchStream(Stream stream)
    {
        _stream = stream;
        _start = _end = _examined = 0;
    }

    /// <summary>
    /// Puts CRLF in front of the bytes that follow DATA. SmtpServer looks for "CRLF.CRLF" and
    /// un-stuffs "CRLF..", so without it an empty message (".") is never seen to end and a leading
    /// ".." is not un-stuffed. The acceptor removes these two bytes again.
    /// </summary>
    public void PrependCrlf()
    {
        if (_start >= 2)
        {
            _start -= 2;
        }
        else
        {
            _buffer.EnsureCapacity(_end + 2, _end);
            var array = _buffer.Array;
            System.Array.Copy(array, _start, array, _start + 2, _end - _start);
            _end += 2;
        }
        _buffer.Array[_start] = (byte)'\r';
        _buffer.Array[_start + 1] = (byte)'\n';
        _examined = _start;
    }

    private DateTimeOffset? _dataDeadline;

    /// <summary>Called when the DATA of a message did not arrive within its time (the connection then ends).</summary>
    public Func<ValueTask>? OnDataTimeout { get; set; }

    /// <summary>From the DATA command until its block is consumed, reads end at <paramref name="deadline"/>.</summary>
    public void StartData(DateTimeOffset deadline) => _dataDeadline = deadline;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) throw new InvalidOperationException("Reading after completion.");
        if (_examined == _start) CompactAtSearchStart();
        if (_examined >= _end && !_streamEnded)
        {
            await _beforeBlockingRead();
            await FillAsync(cancellationToken);
        }
        return Result();
    }

    public override bool TryRead(out ReadResult result)
    {
        result = Result();
        return _examined < _end || _streamEnded;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        var consumedAt = consumed.GetInteger();
        var examinedAt = examined.GetInteger();
        if (consumedAt < _start || consumedAt > _end || examinedAt < consumedAt || examinedAt > _end)
            throw new InvalidOperationException("AdvanceTo was given a position outside the current buffer.");
        if (consumedAt > _start)
        {
            LastInternationalCommand = InternationalCommand(_buffer.Array.AsSpan(_start, consumedAt - _start));
            _dataDeadline = null; // whatever was consumed, a DATA block (the only unit read under a deadline) is over
        }
        _start = consumedAt;
        _examined = examinedAt;
        if (_start == _end)
        {
            // Everything consumed: start again at offset 0 and give back the space a big message used.
            _start = _end = _examined = 0;
            _buffer.ShrinkTo(InitialSize, 0);
        }
    }

    public override void CancelPendingRead()
    {
        _cancelNextRead = true;
        _pendingRead?.Cancel();
    }

    public override void Complete(Exception? exception = null)
    {
        _completed = true;
        ((IDisposable)_buffer).Dispose();
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        using var pending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pendingRead = pending;
        if (_dataDeadline is { } deadline) pending.CancelAfter(Max(deadline - DateTimeOffset.UtcNow, TimeSpan.Zero));
        try
        {
            if (_cancelNextRead) return;
            _buffer.EnsureCapacity(Math.Max(_end + 4096, InitialSize), _end);
            var read = await _stream.ReadAsync(_buffer.Array.AsMemory(_end, _buffer.Capacity - _end), pending.Token);
            if (read == 0) _streamEnded = true;
            _end += read;
        }
        catch (OperationCanceledException) when (_cancelNextRead && !cancellationToken.IsCancellationRequested)
        {
            // CancelPendingRead: return what we have, flagged as cancelled.
        }
        catch (OperationCanceledException) when (_dataDeadline is not null && !cancellationToken.IsCancellationRequested)
        {
            // Smtp:DataTimeout: the message did not arrive in time (a byte-a-second client). The engine sees
            // the end of the stream and gives up the transaction; nothing was stored, nothing acknowledged.
            _streamEnded = true;
            if (OnDataTimeout is { } onTimeout) await onTimeout();
        }
        catch (IOException)
        {
            _streamEnded = true;
        }
        finally
        {
            _pendingRead = null;
        }
    }

    private const int MaxCommandLine = 4096; // RFC 5321 allows 512 octets, plus room for extension parameters

    /// <summary>A copy of <paramref name="consumed"/> when it is a MAIL or RCPT line with bytes above 127; the check stops at the first bytes of anything else (a DATA block starts with CRLF).</summary>
    private static byte[]? InternationalCommand(ReadOnlySpan<byte> consumed)
    {
        if (consumed.Length is < 5 or > MaxCommandLine) return null;
        var verb = consumed[..4];
        if (!Ascii.EqualsIgnoreCase(verb, "MAIL"u8) && !Ascii.EqualsIgnoreCase(verb, "RCPT"u8)) return null;
        return Ascii.IsValid(consumed) ? null : consumed.ToArray();
    }

    /// <summary>
    /// Moves unconsumed bytes to offset 0. Only done when nothing beyond them was examined, i.e. when
    /// the engine starts a new search: mid-search, its saved positions must keep naming the same bytes.
    /// </summary>
    private void CompactAtSearchStart()
    {
        if (_start == 0) return;
        var array = _buffer.Array;
        System.Array.Copy(array, _start, array, 0, _end - _start);
        _end -= _start;
        _start = _examined = 0;
    }

    private ReadResult Result()
    {
        var cancelled = _cancelNextRead;
        _cancelNextRead = false;
        var sequence = new ReadOnlySequence<byte>(_buffer.Memory.Slice(_start, _end - _start));
        return new ReadResult(sequence, cancelled, _streamEnded && _examined >= _end);
    }
}
