using System.Data.Common;
using Envoi.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Envoi.Data;

/// <summary>Creates a short-lived context for one unit of work on the configured database, and migrates it.</summary>
public sealed class EnvoiDbFactory
{
    private readonly DbContextOptions<SqliteEnvoiDb>? _sqlite;
    private readonly DbContextOptions<PostgresEnvoiDb>? _postgres;
    private readonly SemaphoreSlim? _writer;

    public EnvoiDbFactory(DatabaseTarget target)
    {
        Target = target;
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            _sqlite = new DbContextOptionsBuilder<SqliteEnvoiDb>()
                .UseSqlite(target.ConnectionString)
                .AddInterceptors(new SqlitePragmas())
                .Options;
            _writer = new SemaphoreSlim(1, 1);
        }
        else
            _postgres = new DbContextOptionsBuilder<PostgresEnvoiDb>()
                .UseNpgsql(target.ConnectionString)
                .Options;
    }

    public DatabaseTarget Target { get; }

    /// <summary>
    /// Waits for this process's turn to write. SQLite has a single writer and its busy handler backs
    /// off with sleeps of up to tens of milliseconds; queuing writers here keeps commits back to back.
    /// PostgreSQL locks rows itself: no wait.
    /// </summary>
    public async ValueTask<WriteTurn> WriteTurnAsync(CancellationToken ct)
    {
        if (_writer is not null) await _writer.WaitAsync(ct);
        return new WriteTurn(_writer);
    }

    public readonly struct WriteTurn(SemaphoreSlim? writer) : IDisposable
    {
        public void Dispose() => writer?.Release();
    }

    public EnvoiDb Create() => _sqlite is not null ? new SqliteEnvoiDb(_sqlite) : new PostgresEnvoiDb(_postgres!);

    /// <summary>
    /// Applies pending migrations. On PostgreSQL several nodes may start at once: each waits for a
    /// session-level advisory lock (<see cref="MigrationLockKey"/>) first, so exactly one of them
    /// migrates and the others find the schema up to date (creating EF's history table is not safe
    /// to race on its own). A database made by the migrations from before the squash is adopted first
    /// (<see cref="SquashedMigrations"/>).
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = Create();
        if (Target.Provider != DatabaseProvider.Postgres)
        {
            await AdoptSquashedThenMigrateAsync(db, ct);
            return;
        }
        // One connection for lock, migration and unlock: the lock belongs to the session.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try
            {
                await AdoptSquashedThenMigrateAsync(db, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task AdoptSquashedThenMigrateAsync(EnvoiDb db, CancellationToken ct)
    {
        await SquashedMigrations.AdoptAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>The advisory lock taken around migrations ("envoi-mg" in ASCII).</summary>
    public const long MigrationLockKey = 0x656E766F692D6D67;

    /// <summary>
    /// WAL lets the CLI read while the server writes; synchronous=FULL makes every commit durable
    /// (the 250 reply depends on it); the busy timeout makes writers queue instead of failing. EF
    /// opens the file read-only to ask whether it exists; there the journal mode cannot change (a
    /// file still in rollback mode would fail), so such a connection only gets the busy timeout.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        private const string ReadOnlySql = "PRAGMA busy_timeout=30000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static string PragmasFor(DbConnection connection) =>
            new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlySql : Sql;
    }
}
