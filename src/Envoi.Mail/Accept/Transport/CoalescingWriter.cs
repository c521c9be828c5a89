using System.Buffers;
using System.IO.Pipelines;

namespace Envoi.Mail.Accept.Transport;

/// <summary>
/// The output side of an SMTP connection. SmtpServer flushes after every reply; when the client
/// pipelined several commands, this holds the replies back until the engine has no more input to
/// process, then sends them in one write (as Postfix does). With Nagle off this avoids both the
/// 40 ms Nagle/delayed-ACK stall and one packet per reply.
/// </summary>
internal sealed class CoalescingWriter(Func<Stream> stream, Func<bool> moreInputPending) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new(1024);
    private bool _completed, _closed;

    public override void Advance(int bytes) => _pending.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    public override void CancelPendingFlush() { }

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!moreInputPending()) await SendAsync(cancellationToken);
        return new FlushResult(isCanceled: false, isCompleted: _completed);
    }

    /// <summary>Sends whatever replies are being held.</summary>
    public async ValueTask SendAsync(CancellationToken cancellationToken = default)
    {
        if (_closed) _pending.ResetWrittenCount();
        if (_pending.WrittenCount == 0) return;
        var output = stream();
        await output.WriteAsync(_pending.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
        _pending.ResetWrittenCount();
    }

    /// <summary>Sends <paramref name="reply"/> as the last words of the connection; whatever the engine writes afterwards is dropped.</summary>
    public async ValueTask CloseWithAsync(string reply)
    {
        _pending.ResetWrittenCount();
        _pending.Write(System.Text.Encoding.ASCII.GetBytes(reply + "\r\n"));
        try { await SendAsync(); }
        catch (IOException) { /* the peer is gone */ }
        _closed = true;
    }

    public override void Complete(Exception? exception = null)
    {
        if (_completed) return;
        _completed = true;
        try { SendAsync().AsTask().Wait(TimeSpan.FromSeconds(5)); }
        catch (Exception) { /* the peer is gone; nothing left to tell it */ }
    }
}
