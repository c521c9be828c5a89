using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>Idle, slow and greedy clients (slowloris): per-client connection limits and time-outs as Postfix has them; new sessions are still served.</summary>
public sealed class SlowClientTests
{
    private static async Task<Socket> ConnectFromAsync(string source, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    private static async Task<string> FirstLineAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[512];
        using var cts = new CancellationTokenSource(timeout);
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n"))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return text.ToString();
    }

    [Fact]
    public async Task Connections_beyond_the_per_client_limit_get_421_and_other_clients_are_still_served()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Smtp.ClientConnectionCountLimit = 5);
        var held = new List<Socket>();
        for (var i = 0; i < 5; i++)
        {
            var socket = await ConnectFromAsync("127.0.0.1", envoi.SmtpPort);
            Assert.StartsWith("220", await FirstLineAsync(socket, TimeSpan.FromSeconds(5)));
            held.Add(socket);
        }
        using (var sixth = await ConnectFromAsync("127.0.0.1", envoi.SmtpPort))
        {
            var refusal = await FirstLineAsync(sixth, TimeSpan.FromSeconds(5));
            Assert.StartsWith("421 4.7.0", refusal);
            Assert.Contains("at most 5", refusal);
        }
        using (var other = await ConnectFromAsync("127.0.0.2", envoi.SmtpPort))
            Assert.StartsWith("220", await FirstLineAsync(other, TimeSpan.FromSeconds(5)));

        held[0].Dispose(); // one closes: its place is free again
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        string again;
        do
        {
            using var next = await ConnectFromAsync("127.0.0.1", envoi.SmtpPort);
            again = await FirstLineAsync(next, TimeSpan.FromSeconds(5));
        } while (!again.StartsWith("220") && DateTime.UtcNow < deadline);
        Assert.StartsWith("220", again);
        foreach (var socket in held) socket.Dispose();
    }

    [Fact]
    public async Task Message_sent_a_byte_at_a_time_is_cut_at_the_data_timeout_and_nothing_is_stored()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Smtp.DataTimeout = TimeSpan.FromSeconds(2));
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        await using var raw = await RawSmtpClient.ConnectAsync(envoi.SmtpPort);
        await raw.LoginAsync("alice@example.com", "alice-password");
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<alice@example.com>"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<bob@example.net>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        var started = Stopwatch.StartNew();
        var reply = raw.ReadReplyAsync(TimeSpan.FromSeconds(10));
        foreach (var b in "Subject: slow\r\n\r\nslowly, slowly, slowly, slowly, slowly"u8.ToArray())
        {
            if (reply.IsCompleted) break;
            try { await raw.SendAsync([b]); } catch (IOException) { break; }
            await Task.Delay(200);
        }
        Assert.StartsWith("421 4.4.2", await reply);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
        Assert.Empty(await envoi.Get<Envoi.Core.Outbox.OutboxService>().ListAsync(Envoi.Core.Outbox.Actor.Operator, null, 10, default));
    }

    [Fact]
    public async Task Thousand_idle_and_byte_a_second_sessions_do_not_stop_a_new_session()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;

        // 1,000 sessions from 20 addresses (50 each, the default per-client limit): half idle after the
        // greeting, half sending a command line one byte a second.
        var sockets = new List<Socket>();
        for (var i = 0; i < 1000; i++)
            sockets.Add(await ConnectFromAsync($"127.0.1.{i % 20 + 1}", envoi.SmtpPort));
        using var stop = new CancellationTokenSource();
        var drip = Task.Run(async () =>
        {
            var text = "NOOP this line never ends"u8.ToArray();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                for (var i = 1; i < sockets.Count; i += 2)
                    try { sockets[i].Send(text.AsSpan(n % text.Length, 1)); } catch (SocketException) { }
                await Task.Delay(1000, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });
        await Task.Delay(3000);
        var during = Process.GetCurrentProcess().WorkingSet64;

        var served = Stopwatch.StartNew();
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        served.Stop();
        Assert.NotNull(await envoi.FindAsync(id));
        Assert.True(served.Elapsed < TimeSpan.FromSeconds(5), $"a new session took {served.Elapsed.TotalMilliseconds:0} ms");

        // The 1,001st connection from one of those addresses is refused, not queued.
        using (var extra = await ConnectFromAsync("127.0.1.1", envoi.SmtpPort))
            Assert.StartsWith("421 4.7.0", await FirstLineAsync(extra, TimeSpan.FromSeconds(5)));

        var grown = (during - before) / (1024.0 * 1024);
        System.Console.WriteLine($"SlowClients figure: 1000 sessions (500 idle, 500 byte-a-second): working set +{grown:0.0} MB ({grown * 1024 / 1000:0.0} KB a session, clients included); a new session sent a message in {served.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(grown < 150, $"1000 slow sessions grew the process by {grown:0} MB");
        stop.Cancel();
        await drip;
        foreach (var socket in sockets) socket.Dispose();
    }
}
