using System.Diagnostics;

namespace Envoi.Tests.Support;

/// <summary>
/// Postfix's smtp-sink as an upstream, with its fault switches (-r soft reject, -f hard reject,
/// -q drop the connection, -Q 421) applied to the commands named. Each message it accepts is
/// dumped to a file, which is how deliveries are counted.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dumps;

    private SmtpSink(Process process, string dumps, int port)
    {
        _process = process;
        _dumps = dumps;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"smtp://127.0.0.1:{Port}";

    public static async Task<SmtpSink> StartAsync(int? port = null, string faults = "")
    {
        var binary = new[] { "/usr/sbin/smtp-sink", "/usr/lib/postfix/sbin/smtp-sink" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("smtp-sink is missing: apt-get install -y postfix (bash .ci/run does it).");
        var listen = port ?? FreePort.Next();
        var dumps = TempDirectory.Create("smtp-sink");
        var asRoot = Environment.UserName == "root";
        if (asRoot) Process.Start("chown", ["postfix", dumps])!.WaitForExit();
        var arguments = new List<string>();
        if (asRoot) arguments.AddRange(["-u", "postfix"]);
        arguments.AddRange(faults.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        arguments.AddRange(["-d", Path.Combine(dumps, "%H%M%S."), $"127.0.0.1:{listen}", "64"]);
        var process = Process.Start(new ProcessStartInfo(binary, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var sink = new SmtpSink(process, dumps, listen);
        if (await FreePort.WaitUntilListeningAsync(listen, TimeSpan.FromSeconds(10))) return sink;
        throw new InvalidOperationException($"smtp-sink did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    public int MessageCount => Directory.GetFiles(_dumps).Length;

    public IEnumerable<string> Dumps => Directory.GetFiles(_dumps).Select(File.ReadAllText);

    public async Task<int> WaitForMessagesAsync(int expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline && MessageCount < expected) await Task.Delay(50);
        return MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(); await _process.WaitForExitAsync(); } catch (InvalidOperationException) { }
        _process.Dispose();
        TempDirectory.Delete(_dumps);
    }
}
