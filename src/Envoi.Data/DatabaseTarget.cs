using Microsoft.Data.Sqlite;
using Npgsql;

namespace Envoi.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database Envoi uses. Nothing given: SQLite in the data directory. Otherwise a
/// <c>postgres://user:password@host:port/db</c> URL, an Npgsql connection string
/// (<c>Host=…;Database=…</c>) or a SQLite one (<c>Data Source=…</c>).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseTarget Resolve(string? value, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Sqlite(Path.Combine(dataDirectory, "envoi.db"));
        value = value.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Postgres, Tuned(FromUrl(new Uri(value))));
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            return Sqlite(value["sqlite:".Length..]);
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Postgres, Tuned(new NpgsqlConnectionStringBuilder(value).ConnectionString));
        if (value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder(value).ConnectionString);
        throw new ArgumentException(
            $"Cannot tell which database '{value}' names: use postgres://user:password@host:port/database, " +
            "a PostgreSQL connection string (Host=…;Database=…), or sqlite:PATH.");
    }

    /// <summary>The target without its password, for logs and the console.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Postgres => $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}",
        _ => $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
    };

    private static DatabaseTarget Sqlite(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 };
        return new(DatabaseProvider.Sqlite, builder.ConnectionString);
    }

    /// <summary>
    /// Defaults for a short unit of work per connection, unless the operator set them: no
    /// <c>DISCARD ALL</c> each time a pooled connection is reused (Envoi leaves no session state
    /// behind: the migration lock is released explicitly), and the hot statements (claim, insert,
    /// result) prepared once per connection instead of parsed and planned every time.
    /// </summary>
    private static string Tuned(string connectionString)
    {
        // The generic builder holds only the keys that were given (Npgsql's knows every keyword).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close")) builder.NoResetOnClose = true;
        if (!given.ContainsKey("Max Auto Prepare")) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    private static string FromUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ConnectionString;
    }
}
