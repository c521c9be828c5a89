using System.Net;
using System.Net.Sockets;

namespace Envoi.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port free right now (for servers that cannot bind port 0 themselves).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
