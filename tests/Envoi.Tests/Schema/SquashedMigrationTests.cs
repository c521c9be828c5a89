using System.Data.Common;
using Envoi.Data;
using Envoi.Data.Schema;
using Envoi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Envoi.Tests.Schema;

/// <summary>
/// The migrations were squashed into one per provider. A database built by the old ones — replayed
/// here from `dotnet ef migrations script` output taken just before the squash — must be adopted with
/// its data and end with the very schema a fresh database gets; one stopped earlier is refused, untouched.
/// </summary>
public sealed class SquashedMigrationTests
{
    [Fact]
    public async Task A_sqlite_database_from_before_the_squash_is_adopted_with_its_data_and_the_fresh_schema()
    {
        var directory = TempDirectory.Create("envoi-squash");
        try
        {
            var old = Sqlite(Path.Combine(directory, "old.db"));
            await ExecuteAsync(old, OldScript("sqlite"));
            await ExecuteAsync(old, InsertAudit);

            await AssertAdoptedAsync(old);

            var fresh = Sqlite(Path.Combine(directory, "fresh.db"));
            await new EnvoiDbFactory(fresh).MigrateAsync();
            AssertSameSchema(await DescribeAsync(fresh), await DescribeAsync(old));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task A_postgres_database_from_before_the_squash_is_adopted_with_its_data_and_the_fresh_schema()
    {
        var old = Postgres(await PostgresServer.CreateDatabaseAsync());
        await ExecuteAsync(old, OldScript("postgres"));
        await ExecuteAsync(old, InsertAudit);

        await AssertAdoptedAsync(old);

        var fresh = Postgres(await PostgresServer.CreateDatabaseAsync());
        await new EnvoiDbFactory(fresh).MigrateAsync();
        AssertSameSchema(await DescribeAsync(fresh), await DescribeAsync(old));
    }

    [Fact]
    public async Task A_sqlite_database_stopped_before_the_last_old_migration_is_refused_untouched()
    {
        var directory = TempDirectory.Create("envoi-squash");
        try
        {
            var old = Sqlite(Path.Combine(directory, "older.db"));
            await ExecuteAsync(old, WithoutLastMigration(OldScript("sqlite"), "BEGIN TRANSACTION;"));
            await AssertRefusedAsync(old, "20261127072711_StatsRollups", "20261205222312_Issue19Audit");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task A_postgres_database_stopped_before_the_last_old_migration_is_refused_untouched()
    {
        var old = Postgres(await PostgresServer.CreateDatabaseAsync());
        await ExecuteAsync(old, WithoutLastMigration(OldScript("postgres"), "START TRANSACTION;"));
        await AssertRefusedAsync(old, "20261127073058_StatsRollups", "20261205222329_Issue19Audit");
    }

    private const string InsertAudit =
        """INSERT INTO "audit_log" ("At", "Actor", "Action", "Subject", "Details", "Before") VALUES (1764547200000, 'admin@example.com', 'template.update', 'corporate', 'before the squash', '{"name":"corporate"}')""";

    private static async Task AssertAdoptedAsync(DatabaseTarget target)
    {
        var factory = new EnvoiDbFactory(target);
        await factory.MigrateAsync();
        await factory.MigrateAsync(); // a second start finds nothing to do

        await using var db = factory.Create();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.EndsWith("_Initial", db.Database.GetMigrations().First()); // then the migrations written since the squash
        var kept = Assert.Single(await db.Audit.ToListAsync());
        Assert.Equal(("admin@example.com", "before the squash", "{\"name\":\"corporate\"}"), (kept.Actor, kept.Details, kept.Before));

        // The identity / autoincrement carries on after the old rows.
        db.Audit.Add(new AuditRow { At = 1764633600000, Actor = "admin@example.com", Action = "rule.update", Subject = "all", Details = "after the squash" });
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.Audit.CountAsync());
    }

    private static void AssertSameSchema(List<string> fresh, List<string> adopted)
    {
        Assert.Empty(fresh.Except(adopted)); // only in a fresh database
        Assert.Empty(adopted.Except(fresh)); // only in the adopted one
    }

    private static async Task AssertRefusedAsync(DatabaseTarget target, string reached, string needed)
    {
        var before = await DescribeAsync(target);
        var factory = new EnvoiDbFactory(target);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.MigrateAsync());
        Assert.Contains(reached, refusal.Message);
        Assert.Contains(needed, refusal.Message);
        Assert.Equal(before, await DescribeAsync(target));
        await using var db = factory.Create();
        Assert.Contains(reached, await db.Database.GetAppliedMigrationsAsync());
    }

    private static string OldScript(string provider) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", $"before-squash.{provider}.sql"));

    /// <summary>The script up to the last migration's transaction: a database one step behind.</summary>
    private static string WithoutLastMigration(string script, string transactionStart) =>
        script[..script.LastIndexOf(transactionStart, StringComparison.Ordinal)];

    private static DatabaseTarget Sqlite(string path) => DatabaseTarget.Resolve("sqlite:" + path, Path.GetTempPath());

    private static DatabaseTarget Postgres(string url) => DatabaseTarget.Resolve(url, Path.GetTempPath());

    private static DbConnection Connect(DatabaseTarget target) => target.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString)
        : new NpgsqlConnection(target.ConnectionString);

    private static async Task ExecuteAsync(DatabaseTarget target, string sql)
    {
        await using var connection = Connect(target);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 60;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every table's columns, keys, indexes and constraints plus the migration history, one sorted line each.</summary>
    private static async Task<List<string>> DescribeAsync(DatabaseTarget target)
    {
        var lines = new List<string>();
        await using var connection = Connect(target);
        await connection.OpenAsync();
        IReadOnlyList<string> queries = target.Provider == DatabaseProvider.Sqlite ? await SqliteQueriesAsync(connection) : PostgresQueries;
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i)))));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> SqliteQueriesAsync(DbConnection connection)
    {
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var queries = new List<string>
        {
            // WITHOUT ROWID and the exact text of every index (partial ones included).
            "SELECT type, name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'",
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
            "SELECT 'history', MigrationId FROM __EFMigrationsHistory",
        };
        foreach (var table in tables)
        {
            queries.Add($"SELECT '{table}', name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')");
            queries.Add($"SELECT '{table}', \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')");
            queries.Add($"SELECT '{table}', l.name, l.\"unique\", l.origin, l.partial, i.seqno, i.name FROM pragma_index_list('{table}') l JOIN pragma_index_info(l.name) i");
        }
        return queries;
    }

    private static readonly string[] PostgresQueries =
    [
        """
        SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        """,
        "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'",
        """
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
        """,
        """SELECT 'history', "MigrationId" FROM "__EFMigrationsHistory" """,
    ];
}
