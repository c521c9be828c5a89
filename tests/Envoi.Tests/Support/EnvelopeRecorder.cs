using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Envoi.Tests.Support;

/// <summary>
/// A small upstream that records the envelope exactly as it arrives on the wire (the MAIL and RCPT
/// lines as bytes, decoded as UTF-8), with or without SMTPUTF8 in its EHLO. Like a strict RFC 6531
/// server it answers 553 5.6.7 to a non-ASCII address in a transaction that did not say SMTPUTF8.
/// </summary>
public sealed class EnvelopeRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly bool _offerSmtpUtf8;

    public sealed record Transaction(string MailLine, IReadOnlyList<string> RcptLines, byte[] Data);

    public ConcurrentQueue<Transaction> Delivered { get; } = new();
    /// <summary>Every MAIL and RCPT line with the reply it got, in order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string Url => $"smtp://127.0.0.1:{Port}";

    public EnvelopeRecorder(bool offerSmtpUtf8)
    {
        _offerSmtpUtf8 = offerSmtpUtf8;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var input = new List<byte>();
        async Task<byte[]?> ReadUntilAsync(byte[] end)
        {
            var buffer = new byte[8192];
            while (true)
            {
                var at = IndexOf(input, end);
                if (at >= 0)
                {
                    var unit = input.GetRange(0, at).ToArray();
                    input.RemoveRange(0, at + end.Length);
                    return unit;
                }
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) return null;
                input.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }
        async Task ReplyAsync(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token);

        try
        {
            await ReplyAsync("220 recorder.test ESMTP");
            string? mail = null;
            var smtpUtf8 = false;
            var rcpts = new List<string>();
            while (await ReadUntilAsync("\r\n"u8.ToArray()) is { } bytes)
            {
                var line = Encoding.UTF8.GetString(bytes);
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                var nonAscii = bytes.Any(b => b > 127);
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(_offerSmtpUtf8 ? "250-recorder.test\r\n250-8BITMIME\r\n250 SMTPUTF8" : "250-recorder.test\r\n250 8BITMIME");
                        break;
                    case "MAIL":
                        smtpUtf8 = _offerSmtpUtf8 && line.Contains(" SMTPUTF8", StringComparison.OrdinalIgnoreCase);
                        var mailReply = nonAscii && !smtpUtf8 ? "553 5.6.7 Non-ASCII address not permitted" : "250 2.1.0 Ok";
                        if (mailReply.StartsWith("250")) { mail = line; rcpts.Clear(); }
                        Log.Enqueue($"{line} -> {mailReply}");
                        await ReplyAsync(mailReply);
                        break;
                    case "RCPT":
                        var rcptReply = mail is null ? "503 5.5.1 MAIL first" : nonAscii && !smtpUtf8 ? "553 5.6.7 Non-ASCII address not permitted" : "250 2.1.5 Ok";
                        if (rcptReply.StartsWith("250")) rcpts.Add(line);
                        Log.Enqueue($"{line} -> {rcptReply}");
                        await ReplyAsync(rcptReply);
                        break;
                    case "DATA":
                        if (mail is null || rcpts.Count == 0) { await ReplyAsync("554 5.5.1 No valid recipients"); break; }
                        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadUntilAsync("\r\n.\r\n"u8.ToArray());
                        if (data is null) return;
                        Delivered.Enqueue(new Transaction(mail, rcpts.ToList(), data));
                        mail = null;
                        rcpts.Clear();
                        await ReplyAsync("250 2.0.0 Ok: recorded");
                        break;
                    case "RSET":
                        mail = null;
                        rcpts.Clear();
                        await ReplyAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await ReplyAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await ReplyAsync("250 2.0.0 Ok");
                        break;
                }
            }
        }
        catch (Exception) { /* the client went away */ }
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++) match = haystack[i + j] == needle[j];
            if (match) return i;
        }
        return -1;
    }

    public async Task<Transaction> WaitForAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Delivered.TryPeek(out var found)) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Nothing was delivered; the envelope log: {string.Join(" | ", Log)}");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
