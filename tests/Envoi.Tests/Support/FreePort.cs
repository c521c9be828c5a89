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

    /// <summary>Waits until something accepts connections on the loopback port; false after the timeout.</summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException) { await Task.Delay(20); }
        }
        return false;
    }
}
