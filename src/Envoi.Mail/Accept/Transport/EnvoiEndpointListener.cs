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
internal sealed class EnvoiEndpointListenerFactory : IEndpointListenerFactory
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
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = socket.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
            var connection = new SmtpConnection(socket);
            context.Properties[ConnectionKey] = connection;
            return connection;
        }

        public void Dispose() => listener.Stop();
    }

    internal const string ConnectionKey = "envoi.connection";
}
