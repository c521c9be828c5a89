using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Envoi.Mail.Accept.Transport;

/// <summary>
/// Replaces SmtpServer's listener to give every connection an <see cref="SmtpConnection"/> with
/// Nagle off. Also records the real local/remote endpoints (Envoi never trusts the PROXY command).
/// </summary>
/// <param name="admission">Who may have a session (per-client limits); null admits everyone.</param>
internal sealed class EnvoiEndpointListenerFactory(IConnectionAdmission? admission = null) : IEndpointListenerFactory
{
    /// <summary>Raised with the bound address (useful when the port was 0).</summary>
    public event Action<IEndpointDefinition, IPEndPoint>? Started;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            listener.Start(backlog: 512);
        }
        catch (SocketException e)
        {
            throw new IOException($"Cannot listen for SMTP on {endpointDefinition.Endpoint}: {e.Message}", e);
        }
        Started?.Invoke(endpointDefinition, (IPEndPoint)listener.LocalEndpoint);
        return new Listener(listener, admission);
    }

    private sealed class Listener(TcpListener listener, IConnectionAdmission? admission) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(cancellationToken);
                socket.NoDelay = true;
                var client = ((IPEndPoint)socket.RemoteEndPoint!).Address;
                if (admission?.TryAdmit(client) is { } refusal)
                {
                    // Refused before the engine creates a session: the reply, then the hang-up, off the accept loop.
                    _ = RefuseAsync(socket, refusal);
                    continue;
                }
                context.Properties[EndpointListener.LocalEndPointKey] = socket.LocalEndPoint!;
                context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
                var connection = new SmtpConnection(socket, admission is null ? null : () => admission.Release(client));
                context.Properties[ConnectionKey] = connection;
                return connection;
            }
        }

        private static async Task RefuseAsync(Socket socket, string reply)
        {
            using (socket)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(reply + "\r\n"), SocketFlags.None, timeout.Token);
                    socket.Shutdown(SocketShutdown.Both);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client is gone already; it was being refused anyway.
                }
            }
        }

        public void Dispose() => listener.Stop();
    }

    internal const string ConnectionKey = "envoi.connection";
}
