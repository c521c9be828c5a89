using System.Net.Sockets;
using System.Text;

namespace Envoi.Tests.Support;

/// <summary>
/// A deliberately dumb SMTP client that sends exactly the bytes it is given, for the things
/// well-behaved libraries refuse to do: bare LF, pipelined smuggling, binary noise, huge lines.
/// </summary>
public sealed class RawSmtpClient : IAsyncDisposable
{
    private readonly TcpClient _tcp = new() { NoDelay = true };
    private NetworkStream _stream = null!;
    private readonly StringBuilder _pending = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    public static async Task<RawSmtpClient> ConnectAsync(int port)
    {
        var client = new RawSmtpClient();
        await client._tcp.ConnectAsync("127.0.0.1", port);
        client._stream = client._tcp.GetStream();
        var greeting = await client.ReadReplyAsync();
        Assert.StartsWith("220", greeting);
        return client;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync() ?? "(connection closed)";
    }

    /// <summary>Reads one complete (possibly multi-line) reply; null when the server closed the connection.</summary>
    public async Task<string?> ReadReplyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var text = _pending.ToString();
            var lines = text.Split("\r\n");
            for (var i = 0; i < lines.Length - 1; i++)
            {
                if (lines[i].Length >= 4 && lines[i][3] == ' ')
                {
                    var reply = string.Join("\r\n", lines[..(i + 1)]);
                    _pending.Remove(0, reply.Length + 2);
                    return reply;
                }
            }
            int read;
            try { read = await _stream.ReadAsync(_buffer, cts.Token); }
            catch (IOException) { return null; }
            if (read == 0) return null;
            _pending.Append(Encoding.UTF8.GetString(_buffer, 0, read));
        }
    }

    public async Task LoginAsync(string user, string password)
    {
        Assert.StartsWith("250", await CommandAsync("EHLO raw.test"));
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
        Assert.StartsWith("235", await CommandAsync($"AUTH PLAIN {plain}"));
    }

    public async ValueTask DisposeAsync()
    {
        try { await SendAsync("QUIT\r\n"); } catch (Exception) { /* already closed */ }
        _tcp.Dispose();
    }
}
