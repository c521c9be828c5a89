using System.Data.Common;
using Envoi.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Storage;

/// <summary>
/// The database as a whole (SQLite: the file with its WAL; PostgreSQL: <c>pg_database_size</c>) and
/// the tables that grow with mail, by rows (and bytes on PostgreSQL, <c>pg_total_relation_size</c>,
/// indexes and TOAST included). The statistics roll-ups are summed into one line: they are what
/// the retention purge keeps.
/// </summary>
public sealed class DatabaseStorageProbe(EnvoiDbFactory factory) : IStorageProbe
{
    private static readonly (string Table, string Name)[] Tables =
    [
        ("messages", "queue: messages"), ("recipients", "queue: recipient results"), ("message_bodies", "queue: bodies in the database"),
        ("tracked_links", "tracked links"), ("clicks", "clicks"), ("signed_messages", "signed messages"), ("audit_log", "audit log"), ("employees", "directory: employees"),
    ];

    private static readonly string[] Rollups =
    [
        "stats_days", "stats_employee_days", "stats_employee_dekads", "stats_employee_months", "stats_signature_days", "stats_signature_dekads",
        "stats_signature_months", "stats_campaign_days", "stats_campaign_dekads", "stats_campaign_months", "stats_link_days", "stats_link_dekads", "stats_link_months",
    ];

    public async Task<IReadOnlyList<StoreSize>> MeasureAsync(CancellationToken ct)
    {
        var postgres = factory.Target.Provider == DatabaseProvider.Postgres;
        await using var db = factory.Create();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var location = factory.Target.Describe();
        var stores = new List<StoreSize> { new("database", location, postgres ? await ScalarAsync(connection, "SELECT pg_database_size(current_database())", ct) : SqliteFileBytes(), 0, "") };
        foreach (var (table, name) in Tables)
            stores.Add(new StoreSize(name, table, postgres ? await TableBytesAsync(connection, table, ct) : null, await ScalarAsync(connection, $"SELECT COUNT(*) FROM {table}", ct), "rows"));
        long rollupRows = 0, rollupBytes = 0;
        foreach (var table in Rollups)
        {
            rollupRows += await ScalarAsync(connection, $"SELECT COUNT(*) FROM {table}", ct);
            if (postgres) rollupBytes += await TableBytesAsync(connection, table, ct);
        }
        stores.Add(new StoreSize("statistics roll-ups (kept)", "stats_*", postgres ? rollupBytes : null, rollupRows, "rows"));
        return stores;
    }

    private long SqliteFileBytes()
    {
        var file = new SqliteConnectionStringBuilder(factory.Target.ConnectionString).DataSource;
        return new[] { file, file + "-wal", file + "-shm" }.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);
    }

    private static Task<long> TableBytesAsync(DbConnection connection, string table, CancellationToken ct) =>
        ScalarAsync(connection, $"SELECT pg_total_relation_size('{table}')", ct);

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql; // table names come from the constants above, never from input
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
