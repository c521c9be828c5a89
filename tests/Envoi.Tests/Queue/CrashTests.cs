using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Xunit.Abstractions;

namespace Envoi.Tests.Queue;

/// <summary>
/// "Better to deliver twice than to lose mail": the real executable is killed with SIGKILL in the
/// middle of a load, restarted, and every message that got a 250 must reach the upstream.
/// </summary>
public sealed partial class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_acknowledged_message_is_relayed_after_sigkill_mid_load()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var data = TempDirectory.Create("envoi-crash");
        var smtpPort = FreePort.Next();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var server = StartServer(data, smtpPort, upstream.Url);
        try
        {
            Assert.True(await FreePort.WaitUntilListeningAsync(smtpPort, TimeSpan.FromSeconds(30)), "envoi serve did not open its SMTP port");
            using var stopLoad = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
            {
                for (var n = 0; !stopLoad.IsCancellationRequested; n++)
                {
                    try
                    {
                        using var client = new SmtpClient();
                        await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
                        for (var i = 0; i < 20 && !stopLoad.IsCancellationRequested; i++)
                        {
                            var subject = $"crash-{c}-{n}-{i}";
                            var reply = await client.SendAsync(EnvoiTestHost.Message("load@example.com", "sink@example.net", subject, new string('x', 2000)));
                            acknowledged[EnvoiTestHost.QueueIdFrom(reply)] = subject;
                        }
                    }
                    catch (Exception)
                    {
                        // The server is down: this message was never acknowledged. (Regression: a client
                        // failing just after the load was stopped used to fail the whole test.)
                        if (!stopLoad.IsCancellationRequested) await Task.Delay(50);
                    }
                }
            })).ToList();

            // Let load build up, then pull the plug without warning.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acknowledged.Count < 200 && DateTime.UtcNow < deadline) await Task.Delay(20);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            var ackedBeforeCrash = acknowledged.Count;
            var relayedBeforeCrash = upstream.Received.Count;
            await Task.Delay(300);
            stopLoad.Cancel();
            await Task.WhenAll(clients);

            server = StartServer(data, smtpPort, upstream.Url);
            var wanted = acknowledged.Keys.ToHashSet();
            var wait = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < wait && !wanted.IsSubsetOf(ReceivedIds(upstream))) await Task.Delay(100);

            var received = upstream.Received.Select(m => QueueIdOf(m.Text)).ToList();
            var missing = wanted.Except(received).ToList();
            var duplicates = received.GroupBy(id => id).Count(g => g.Count() > 1);
            output.WriteLine($"acknowledged {acknowledged.Count} ({ackedBeforeCrash} before SIGKILL, {relayedBeforeCrash} already relayed); " +
                             $"received {received.Count}; missing {missing.Count}; relayed twice {duplicates}");
            Assert.True(ackedBeforeCrash >= 50, $"the load was too light to mean anything ({ackedBeforeCrash} messages)");
            Assert.Empty(missing);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            TempDirectory.Delete(data);
        }
    }

    private static Process StartServer(string data, int smtpPort, string upstream)
    {
        var start = new ProcessStartInfo("dotnet", [EnvoiCli.AssemblyPath, "serve", "--data", data, "--smtp", $"127.0.0.1:{smtpPort}",
            "--http", "127.0.0.1:0", "--upstream", upstream, "--hold", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ENVOI_Smtp__TrustedNetworks__0"] = "127.0.0.0/8";
        start.Environment["ENVOI_Queue__PollInterval"] = "00:00:00.100";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static HashSet<string> ReceivedIds(TestUpstream upstream) => upstream.Received.Select(m => QueueIdOf(m.Text)).ToHashSet();

    private static string QueueIdOf(string message) => EnvoiReceived().Match(message).Groups[1].Value;

    [GeneratedRegex(@"\(Envoi\) with E?SMTP\w* id ([0-9A-Z]{16})")]
    private static partial Regex EnvoiReceived();
}
