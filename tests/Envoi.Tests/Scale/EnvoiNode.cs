using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Envoi.Tests.Support;

namespace Envoi.Tests.Scale;

/// <summary>
/// One <c>envoi serve</c> node as its own process (the real executable), with its own data directory
/// and loopback ports, sharing the PostgreSQL database given to it with the other nodes.
/// </summary>
public sealed partial class EnvoiNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private EnvoiNode(string name, string data, int smtpPort, int httpPort, Process process)
    {
        Name = name;
        DataDirectory = data;
        SmtpPort = smtpPort;
        HttpPort = httpPort;
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public string DataDirectory { get; }
    public int SmtpPort { get; }
    public int HttpPort { get; }
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>What the node printed, for the test output when something goes wrong.</summary>
    public string Log => string.Join('\n', _log);

    /// <param name="hold">The organization's undo window in seconds.</param>
    /// <param name="lease">How long a relaying lease lasts before another node may take the message over.</param>
    /// <param name="settings">More <c>ENVOI_*</c> environment settings (e.g. <c>ENVOI_Http__PublicBaseUrl</c>).</param>
    public static EnvoiNode Start(string name, string database, string upstream, int hold, TimeSpan lease, IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = TempDirectory.Create($"envoi-node-{name}");
        var smtpPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [EnvoiCli.AssemblyPath, "serve", "--data", data, "--database", database,
            "--smtp", $"127.0.0.1:{smtpPort}", "--http", $"127.0.0.1:{httpPort}", "--upstream", upstream, "--hold", hold.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ENVOI_Smtp__TrustedNetworks__0"] = "127.0.0.0/8";
        start.Environment["ENVOI_Queue__PollInterval"] = "00:00:00.100";
        start.Environment["ENVOI_Queue__Lease"] = lease.ToString("c", CultureInfo.InvariantCulture);
        start.Environment["ENVOI_Queue__RetrySchedule__0"] = "00:00:01";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new EnvoiNode(name, data, smtpPort, httpPort, Process.Start(start)!);
    }

    /// <summary>Waits until the node answers on SMTP and HTTP (it migrated the schema and recovered first).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        if (!await FreePort.WaitUntilListeningAsync(SmtpPort, timeout) || !await FreePort.WaitUntilListeningAsync(HttpPort, deadline - DateTime.UtcNow))
            throw new InvalidOperationException($"node {Name} did not start (exited: {_process.HasExited}):\n{Log}");
    }

    public void Authorize(string token) => Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>A counter from <c>/metrics</c>, summed over its labels (0 when the node has not counted any yet).</summary>
    public async Task<double> MetricAsync(string name)
    {
        var text = await Http.GetStringAsync("/metrics");
        return text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>SIGTERM, as systemd or an orchestrator stops a node: the node finishes and flushes, then exits.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        if (SendSignal(_process.Id, 15) != 0) throw new InvalidOperationException($"could not signal node {Name}");
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public int ExitCode => _process.ExitCode;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL: no shutdown, no flush, leases left behind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        Http.Dispose();
        TempDirectory.Delete(DataDirectory);
    }

    /// <summary>The queue id in the Received header the accepting node wrote.</summary>
    public static string QueueIdOf(string message) => EnvoiReceived().Match(message).Groups[1].Value;

    [GeneratedRegex(@"\(Envoi\) with E?SMTP\w* id ([0-9A-Z]{16})")]
    private static partial Regex EnvoiReceived();
}
