using Npgsql;

namespace Envoi.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster on a loopback port, started once per test run from the installed
/// binaries (initdb + pg_ctl) and stopped when the run ends. Each test gets a fresh database.
/// Set ENVOI_TEST_POSTGRES to a postgres:// URL to use an existing server instead.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static int _databases;

    /// <summary>A postgres:// URL of a new, empty database.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"envoi_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ToConnectionString(server, "postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return $"{server.TrimEnd('/')}/{name}";
    }

    private static string ToConnectionString(string url, string database)
    {
        var uri = new Uri(url);
        var user = uri.UserInfo.Split(':');
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = uri.Port, Database = database, Username = user[0],
            Password = user.Length > 1 ? user[1] : null, Pooling = false,
        }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ENVOI_TEST_POSTGRES") is { Length: > 0 } existing) return existing;

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (bash .ci/run does it).");

        var directory = TempDirectory.Create("envoi-pg");
        var port = FreePort.Next();
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["-R", "postgres", directory]);
        // initdb refuses to run as root; the cluster runs as the postgres system user then.
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"], asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "stop"], asRoot).Wait(TimeSpan.FromSeconds(20)); }
            catch (Exception) { /* the machine is going away anyway */ }
            TempDirectory.Delete(directory);
        };
        return $"postgres://postgres@127.0.0.1:{port}/";
    }

    /// <summary>initdb refuses to run as root: as root the cluster's programs run as the postgres system user.</summary>
    private static Task<string> RunAsync(string file, string[] arguments, bool asPostgres = false) =>
        asPostgres ? Processes.RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]) : Processes.RunAsync(file, arguments);
}
