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

    /// <summary>A postgres:// URL of a new, empty database (on the run-wide server, or on <paramref name="cluster"/>).</summary>
    public static async Task<string> CreateDatabaseAsync(PostgresCluster? cluster = null)
    {
        var server = cluster?.Url ?? await Server.Value;
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
        var cluster = await PostgresCluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(20));
        return cluster.Url;
    }
}
