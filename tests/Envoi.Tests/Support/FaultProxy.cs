using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Envoi.Tests.Support;

/// <summary>
/// A TCP proxy on a loopback port between Envoi and its upstream that injects the faults of a bad
/// network or a sick smarthost: reply latency per line, a reset after so many bytes from the client
/// (mid-body), silence after the end of DATA (the upstream got the message but its reply never
/// comes), or "down" (every connection reset at once). The fields can be changed while it runs;
/// each connection reads them as it goes.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <summary>Delay before each reply line the upstream sends.</summary>
    public volatile int ReplyDelayMs;
    /// <summary>Reset the connection once the client has sent this many bytes (-1: never).</summary>
    public volatile int ResetAfterClientBytes = -1;
    /// <summary>Swallow the upstream's replies from the end of DATA on (the client waits for a 250 that never comes).</summary>
    public volatile bool HangAfterEndOfData;
    /// <summary>Reset every new connection at once, like a smarthost that is down.</summary>
    public volatile bool Down;

    /// <summary>When each connection was made (down or not), to see the retry back-off.</summary>
    public ConcurrentQueue<DateTime> Connections { get; } = new();

    public int Port { get; }
    public string Url => $"smtp://127.0.0.1:{Port}";

    private FaultProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public static FaultProxy To(int targetPort) => new(targetPort);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            Connections.Enqueue(DateTime.UtcNow);
            if (Down) { Reset(client); continue; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var hang = new HangFlag();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            var toUpstream = PumpFromClientAsync(client, upstream, hang);
            var toClient = PumpFromUpstreamAsync(upstream, client, hang);
            await Task.WhenAny(toUpstream, toClient);
        }
        catch (Exception)
        {
            // Either side went away: the fault the test wanted, or the end of the session.
        }
        finally
        {
            Reset(client);
        }
    }

    private async Task PumpFromClientAsync(Socket client, Socket upstream, HangFlag hang)
    {
        var buffer = new byte[8192];
        long sent = 0;
        var tail = new byte[4];
        while (true)
        {
            var read = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0) return;
            var limit = ResetAfterClientBytes;
            if (limit >= 0 && sent + read > limit)
            {
                var part = (int)Math.Max(0, limit - sent);
                if (part > 0) await upstream.SendAsync(buffer.AsMemory(0, part), SocketFlags.None, _stop.Token);
                Reset(upstream);
                Reset(client);
                return;
            }
            if (HangAfterEndOfData && EndsData(tail, buffer.AsSpan(0, read))) hang.Value = true;
            await upstream.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            sent += read;
        }
    }

    private async Task PumpFromUpstreamAsync(Socket upstream, Socket client, HangFlag hang)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var read = await upstream.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0) return;
            if (hang.Value) continue; // the reply to the end of DATA, and everything after it, never arrives
            var delay = ReplyDelayMs;
            if (delay <= 0)
            {
                await client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                continue;
            }
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n') continue;
                await Task.Delay(delay, _stop.Token);
                await client.SendAsync(buffer.AsMemory(start, i + 1 - start), SocketFlags.None, _stop.Token);
                start = i + 1;
            }
            if (start < read) await client.SendAsync(buffer.AsMemory(start, read - start), SocketFlags.None, _stop.Token);
        }
    }

    /// <summary>True when "\r\n.\r\n" ends in this chunk (with the previous chunk's last bytes in <paramref name="tail"/>).</summary>
    private static bool EndsData(byte[] tail, ReadOnlySpan<byte> chunk)
    {
        Span<byte> joined = stackalloc byte[tail.Length + Math.Min(chunk.Length, 64)];
        var recent = chunk[^Math.Min(chunk.Length, 64)..];
        tail.CopyTo(joined);
        recent.CopyTo(joined[tail.Length..]);
        var ends = joined.IndexOf("\r\n.\r\n"u8) >= 0;
        joined[^tail.Length..].CopyTo(tail);
        return ends;
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST, as a crashed peer or a middlebox does
            socket.Close();
        }
        catch (Exception)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
    }

    private sealed class HangFlag { public volatile bool Value; }
}
