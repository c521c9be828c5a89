using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Envoi.Mail.Accept.Transport;

/// <summary>One accepted TCP connection as the SmtpServer engine sees it: contiguous input, coalesced output, STARTTLS.</summary>
internal sealed class SmtpConnection : ISecurableDuplexPipe
{
    private readonly Socket _socket;
    private Stream _stream;
    private readonly ContiguousReader _reader;
    private readonly CoalescingWriter _writer;

    private readonly Action? _closed;
    private int _disposed;

    /// <param name="closed">Called once when the connection is disposed (the per-client count goes down).</param>
    public SmtpConnection(Socket socket, Action? closed = null)
    {
        _socket = socket;
        _closed = closed;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _writer = new CoalescingWriter(() => _stream, () => _reader!.HasUnexaminedInput);
        _reader = new ContiguousReader(_stream, () => _writer.SendAsync());
    }

    /// <summary>Reads of the message after DATA end at <paramref name="deadline"/>; then the client is told so and the connection ends.</summary>
    public void StartData(DateTimeOffset deadline, string timeoutReply)
    {
        _reader.OnDataTimeout ??= () => _writer.CloseWithAsync(timeoutReply);
        _reader.StartData(deadline);
    }

    public PipeReader Input => _reader;

    public PipeWriter Output => _writer;

    internal ContiguousReader Reader => _reader;

    public bool IsSecure => _stream is SslStream;

    public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

    public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
    {
        await _writer.SendAsync(cancellationToken); // "220 Ready to start TLS" must leave before the handshake.
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ClientCertificateRequired = false,
                EnabledSslProtocols = protocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }, cancellationToken);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
        _stream = tls;
        _reader.SwitchStream(tls);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _closed?.Invoke();
        _writer.Complete();
        _reader.Complete();
        try { _socket.Shutdown(SocketShutdown.Both); }
        catch (SocketException) { /* already closed by the peer */ }
        catch (ObjectDisposedException) { }
        _stream.Dispose();
    }
}
