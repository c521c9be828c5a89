using System.Diagnostics;
using System.Text;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>
/// The data directory on a 32 MB tmpfs that fills while clients send: Envoi warns before it is full,
/// refuses with 452 4.3.1 below the minimum, loses nothing it acknowledged, relays what it stored and
/// accepts again by itself once space is back. Needs root (mount); CI runs as root.
/// </summary>
// envoi_disk_state is a process-wide gauge that every test host's free-space guard sets: run alone,
// so another host seeing plenty of space cannot overwrite the state this test asserts.
[Collection(nameof(DiskFullTests))]
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), "envoi-diskfull-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_mount);
        var (exit, output) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", _mount);
        if (exit != 0)
            Assert.Fail($"DiskFullTests cannot mount a 32 MB tmpfs at {_mount} (needs root / CAP_SYS_ADMIN, as CI has): {output.Trim()}");
    }

    public async Task DisposeAsync()
    {
        await RunAsync("umount", "-l", _mount);
        try { Directory.Delete(_mount, recursive: true); } catch (IOException) { }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static async Task<string> SendAsync(int port, string body)
    {
        await using var raw = await RawSmtpClient.ConnectAsync(port);
        await raw.LoginAsync("alice@example.com", "alice-password");
        var mail = await raw.CommandAsync("MAIL FROM:<alice@example.com>");
        if (!mail.StartsWith("250")) return mail;
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<bob@example.net>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        return await raw.CommandAsync(body + "\r\n.");
    }

    [Fact]
    public async Task Filling_disk_warns_then_refuses_with_452_loses_nothing_and_recovers_by_itself()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var data = Path.Combine(_mount, "data");
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Hold.DefaultSeconds = 3600; // held: the disk fills
            s.Upstream.Url = upstream.Url;
            s.Spool.MinFreeMegabytes = 6;
            s.Spool.WarnFreeMegabytes = 14;
            s.Spool.FreeSpaceCheckInterval = TimeSpan.FromMilliseconds(200);
        }, dataDirectory: data);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        Assert.Equal("ok\n", await envoi.Http.GetStringAsync("/healthz"));

        var line = new string('x', 76) + "\r\n";
        var body = new StringBuilder("Subject: filler\r\n\r\n");
        while (body.Length < 256 * 1024) body.Append(line);

        // Four clients at once, until Envoi refuses.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var refusals = new System.Collections.Concurrent.ConcurrentBag<string>();
        var sawWarning = false;
        var stop = false;
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200 && !Volatile.Read(ref stop); i++)
            {
                var reply = await SendAsync(envoi.SmtpPort, body.ToString());
                if (reply.StartsWith("250")) acknowledged.Add(EnvoiTestHost.QueueIdFrom(reply));
                else { refusals.Add(reply); Volatile.Write(ref stop, true); }
            }
        })).ToList();
        while (!clients.All(c => c.IsCompleted))
        {
            var health = await envoi.Http.GetAsync("/healthz");
            if ((await health.Content.ReadAsStringAsync()).StartsWith("warning: disk space low")) sawWarning = true;
            await Task.Delay(50);
        }
        await Task.WhenAll(clients);

        Assert.True(sawWarning, "/healthz never warned before the refusals");
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r => Assert.StartsWith("452 4.3.1", r));
        var full = await envoi.Http.GetAsync("/healthz");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.StartsWith("refusing new mail", await full.Content.ReadAsStringAsync());
        var metrics = await envoi.Http.GetStringAsync("/metrics");
        Assert.Contains("envoi_disk_state 2", metrics);
        Assert.StartsWith("452 4.3.1", await SendAsync(envoi.SmtpPort, "Subject: one more\r\n\r\nx"));

        // Every acknowledged message is stored; released now, all reach the upstream and their spool files go.
        var outbox = envoi.Get<OutboxService>();
        foreach (var id in acknowledged)
            Assert.True((await outbox.SendNowAsync(Actor.Operator, id, default)).Succeeded, $"{id} was acknowledged but cannot be released");
        foreach (var id in acknowledged) await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(60));
        Assert.Equal(acknowledged.Count, upstream.Received.Count(m => m.Recipients.Contains("bob@example.net")));

        // Space is back: accepted again without a restart, health says ok.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await envoi.Http.GetStringAsync("/healthz") != "ok\n" && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal("ok\n", await envoi.Http.GetStringAsync("/healthz"));
        Assert.StartsWith("250", await SendAsync(envoi.SmtpPort, "Subject: after\r\n\r\nback"));
        System.Console.WriteLine($"DiskFull figure: {acknowledged.Count} acknowledged, {refusals.Count} refused with 452 4.3.1, all {acknowledged.Count} relayed");
    }
}

[CollectionDefinition(nameof(DiskFullTests), DisableParallelization = true)]
public sealed class DiskFullCollection;
