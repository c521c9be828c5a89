using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Data;
using Envoi.Data.Queue;
using Envoi.Mail.Spool;
using Envoi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Envoi.Tests.Scale;

/// <summary>
/// On PostgreSQL the bodies live in the database, committed with their queue rows, so any node can
/// deliver any message; on request they stay in a (shared) spool directory instead.
/// </summary>
public sealed class DatabaseSpoolTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _database = await PostgresServer.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task On_postgresql_the_body_is_in_the_database_with_its_row_and_is_deleted_after_delivery()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Database = _database; s.Hold.DefaultSeconds = 60; s.Upstream.Url = _upstream.Url; });
        var spool = envoi.Get<IMessageSpool>();
        Assert.IsType<DatabaseSpool>(spool);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Stored in PostgreSQL"));

        Assert.Empty(Directory.Exists(Path.Combine(envoi.DataDirectory, "spool")) ? Directory.GetFiles(Path.Combine(envoi.DataDirectory, "spool")) : []);
        Assert.True(spool.Exists(id));
        using (var reader = new StreamReader(spool.OpenRead(id)))
        {
            var text = await reader.ReadToEndAsync();
            Assert.StartsWith("Received: ", text);
            Assert.Contains("Subject: Stored in PostgreSQL", text);
            Assert.Equal((await envoi.FindAsync(id))!.SizeBytes, System.Text.Encoding.UTF8.GetByteCount(text));
        }

        var result = await envoi.Get<OutboxService>().SendNowAsync(Actor.Operator, id, default);
        Assert.True(result.Succeeded, result.Message);
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(10));
        Assert.Equal("Stored in PostgreSQL", Assert.Single(_upstream.For("bob@example.net")).Parse().Subject);
        Assert.False(spool.Exists(id));
    }

    [Fact]
    public async Task A_bounce_is_injected_into_the_database_and_relayed_to_the_sender()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Database = _database; s.Hold.DefaultSeconds = 0; s.Upstream.Url = _upstream.Url; });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "reject-me@example.net", "Will bounce"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Failed, TimeSpan.FromSeconds(10));
        var bounce = await _upstream.WaitForAsync(m => m.Recipients.Contains("alice@example.com"), TimeSpan.FromSeconds(10));
        Assert.Equal("", bounce.Sender);
        Assert.Contains("reject-me@example.net", bounce.Text);
    }

    [Fact]
    public async Task Deleting_an_unacknowledged_row_takes_its_body_with_it()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Database = _database; s.Hold.DefaultSeconds = 60; s.Upstream.Url = _upstream.Url; });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        Assert.True(await envoi.Get<IQueueStore>().DeleteUnacknowledgedAsync(id, default));
        Assert.False(envoi.Get<IMessageSpool>().Exists(id));
    }

    [Fact]
    public async Task Start_up_removes_bodies_of_finished_messages_a_stopped_node_left_behind()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Database = _database; s.Hold.DefaultSeconds = 60; s.Upstream.Url = _upstream.Url; });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        // As if the node had recorded the delivery and died before deleting the body.
        await ExecuteAsync($"""UPDATE messages SET "Status" = 'Relayed' WHERE "Id" = '{id}'""");
        Assert.True(envoi.Get<IMessageSpool>().Exists(id));
        await envoi.Get<SpoolRecovery>().RecoverAsync(default);
        Assert.False(envoi.Get<IMessageSpool>().Exists(id));
    }

    [Fact]
    public async Task Spool_store_file_with_a_shared_directory_keeps_bodies_there_on_postgresql()
    {
        var shared = TempDirectory.Create("envoi-shared-spool");
        try
        {
            await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Database = _database; s.Hold.DefaultSeconds = 0; s.Upstream.Url = _upstream.Url; s.Spool.Directory = shared; });
            Assert.IsType<FileSpool>(envoi.Get<IMessageSpool>());
            await envoi.AddUserAsync("alice@example.com", "alice-password");
            var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Shared directory"));
            await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(10));
            Assert.Equal("Shared directory", Assert.Single(_upstream.For("bob@example.net")).Parse().Subject);
        }
        finally
        {
            TempDirectory.Delete(shared);
        }
    }

    [Fact]
    public async Task A_young_file_without_a_row_in_a_shared_directory_is_left_to_the_node_accepting_it()
    {
        var shared = TempDirectory.Create("envoi-shared-spool");
        try
        {
            var fresh = QueueId.New(DateTimeOffset.UtcNow);
            var old = QueueId.New(DateTimeOffset.UtcNow.AddHours(-1));
            await File.WriteAllTextAsync(Path.Combine(shared, fresh + ".eml"), "Subject: in flight on another node\r\n\r\n");
            await File.WriteAllTextAsync(Path.Combine(shared, old + ".eml"), "Subject: crash leftover\r\n\r\n");
            File.SetLastWriteTimeUtc(Path.Combine(shared, old + ".eml"), DateTime.UtcNow.AddHours(-1));
            await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Database = _database; s.Upstream.Url = _upstream.Url; s.Spool.Directory = shared; });
            Assert.True(File.Exists(Path.Combine(shared, fresh + ".eml")));
            Assert.False(File.Exists(Path.Combine(shared, old + ".eml")));
        }
        finally
        {
            TempDirectory.Delete(shared);
        }
    }

    [Fact]
    public async Task Several_nodes_migrating_a_fresh_database_at_once_all_succeed()
    {
        var factories = Enumerable.Range(0, 6).Select(_ => new EnvoiDbFactory(DatabaseTarget.Resolve(_database, Path.GetTempPath()))).ToList();
        await Task.WhenAll(factories.Select(f => Task.Run(() => f.MigrateAsync())));
        await using var db = factories[0].Create();
        Assert.Equal(0, await db.Messages.CountAsync());
    }

    [Fact]
    public void Spool_store_defaults_to_the_database_on_postgresql_and_to_files_on_sqlite()
    {
        Assert.True(new SpoolOptions().UsesDatabase(postgres: true));
        Assert.False(new SpoolOptions().UsesDatabase(postgres: false));
        Assert.False(new SpoolOptions { Store = "file" }.UsesDatabase(postgres: true));
        Assert.False(new SpoolOptions { Directory = "/srv/envoi-spool" }.UsesDatabase(postgres: true));
        Assert.Throws<ArgumentException>(() => new SpoolOptions { Store = "s3" }.UsesDatabase(postgres: true));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseTarget.Resolve(_database, Path.GetTempPath()).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_postgres_url_gets_no_reset_on_close_and_auto_prepare_unless_the_operator_set_them()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(Envoi.Data.DatabaseTarget.Resolve("postgres://envoi@db.internal:5432/envoi", "/tmp").ConnectionString);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);

        var given = new Npgsql.NpgsqlConnectionStringBuilder(Envoi.Data.DatabaseTarget.Resolve("Host=db.internal;Database=envoi;No Reset On Close=false;Max Auto Prepare=0", "/tmp").ConnectionString);
        Assert.False(given.NoResetOnClose);
        Assert.Equal(0, given.MaxAutoPrepare);
    }
}
