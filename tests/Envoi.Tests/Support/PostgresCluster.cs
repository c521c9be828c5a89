namespace Envoi.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of its own on a loopback port, from the installed binaries (initdb + pg_ctl):
/// the run-wide one of <see cref="PostgresServer"/>, or a private one a test may restart or stop
/// without disturbing the tests running beside it.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;
    private readonly bool _asRoot;

    private PostgresCluster(string bin, string directory, int port, bool asRoot) => (_bin, _directory, _port, _asRoot) = (bin, directory, port, asRoot);

    /// <summary>postgres://postgres@127.0.0.1:PORT/ (append a database name).</summary>
    public string Url => $"postgres://postgres@127.0.0.1:{_port}/";

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (bash .ci/run does it).");
        var cluster = new PostgresCluster(bin, TempDirectory.Create("envoi-pg"), FreePort.Next(), Environment.UserName == "root");
        if (cluster._asRoot) await Processes.RunAsync("chown", ["-R", "postgres", cluster._directory]);
        // initdb refuses to run as root; the cluster runs as the postgres system user then.
        await cluster.RunAsync("initdb", ["-D", cluster.Data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        await cluster.PgCtlAsync("start");
        return cluster;
    }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>A fast restart (what an upgrade or a failover does): every connection is cut, the server is back within a second or two.</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    /// <summary>Stops at once, as a crash would (the cluster recovers from its WAL on the next start).</summary>
    public Task StopImmediatelyAsync() => RunAsync("pg_ctl", ["-D", Data, "-m", "immediate", "stop"]);

    private Task PgCtlAsync(string verb, params string[] more) =>
        RunAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_directory, "log"), "-w", "-o",
            $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB", .. more, verb]);

    private Task<string> RunAsync(string program, string[] arguments)
    {
        var file = Path.Combine(_bin, program);
        return _asRoot ? Processes.RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]) : Processes.RunAsync(file, arguments);
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopImmediatelyAsync().WaitAsync(TimeSpan.FromSeconds(20)); }
        catch (Exception) { /* already stopped */ }
        TempDirectory.Delete(_directory);
    }
}
