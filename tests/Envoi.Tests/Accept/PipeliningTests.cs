using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

public sealed class PipeliningTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync();
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    [Fact]
    public async Task Pipelined_replies_come_back_together_without_a_nagle_stall()
    {
        // Regression: SmtpServer leaves Nagle on and writes one reply per command, so the second of
        // twenty pipelined replies waited ~40 ms for the client's delayed ACK.
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", _envoi.SmtpPort);
        var stream = tcp.GetStream();
        var buffer = new byte[8192];
        _ = await stream.ReadAsync(buffer); // greeting (one short line, one read on loopback)
        var commands = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("NOOP\r\n", 20)));
        var timer = Stopwatch.StartNew();
        await stream.WriteAsync(commands);
        var replies = 0;
        while (replies < 20)
        {
            var read = await stream.ReadAsync(buffer);
            replies += Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        }
        timer.Stop();
        Assert.True(timer.ElapsedMilliseconds < 30, $"20 pipelined replies took {timer.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task End_of_data_split_across_writes_at_buffer_boundaries_is_seen()
    {
        // Regression: SmtpServer 11.1 lost a CRLF or end-of-data that straddled two 4 KB pipe
        // segments when its tail arrived in a later read, and the session hung. Bodies of every
        // length around 4 KB and 8 KB, their terminators trickled byte by byte, cover each alignment.
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", _envoi.SmtpPort);
        var stream = tcp.GetStream();
        var reader = new StreamReader(stream);
        await reader.ReadLineAsync();
        var plain = Convert.ToBase64String("\0alice@example.com\0alice-password"u8.ToArray());
        foreach (var b in Encoding.ASCII.GetBytes($"EHLO t\r\nAUTH PLAIN {plain}\r\n")) await stream.WriteAsync(new[] { b });
        foreach (var length in Enumerable.Range(4085, 16).Concat(Enumerable.Range(8180, 16)))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("MAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@example.net>\r\nDATA\r\n"));
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("354")) { }
            var data = Encoding.ASCII.GetBytes("Subject: trickle\r\n\r\n" + new string('z', length) + "\r\n.\r\n");
            await stream.WriteAsync(data.AsMemory(0, data.Length - 4));
            await Task.Delay(5);
            foreach (var b in data[^4..]) { await stream.WriteAsync(new[] { b }); await Task.Delay(2); }
            var reply = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.StartsWith("250 2.0.0 Ok: queued as", reply);
        }
    }
}
