using System.Data.Common;

namespace Envoi.Data.Tracking.Rollups;

/// <summary>A column of a bulk insert: its name and one value per row (an int[], long[] or string?[]).</summary>
internal sealed record BulkColumn(string Name, Array Values);

/// <summary>
/// One INSERT for many rows, cheap on both providers and without EF's change tracking: SQLite runs
/// one prepared command once per row (in-process, so no round trip, and parsed once per batch);
/// PostgreSQL gets the columns as arrays and inserts them with <c>unnest</c>: one statement, one round
/// trip for the whole batch, the same text every time (so Npgsql prepares it once per connection).
/// Rows are inserted in the order given, which is the order their row locks are taken in.
/// </summary>
internal static class BulkInsert
{
    /// <param name="conflict">An <c>ON CONFLICT …</c> clause, or empty.</param>
    public static async Task RunAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider,
        string table, IReadOnlyList<BulkColumn> columns, string conflict, CancellationToken ct)
    {
        var rows = columns[0].Values.Length;
        if (rows == 0) return;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var placeholders = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (provider == DatabaseProvider.Postgres)
        {
            command.CommandText = $"INSERT INTO {table} ({names}) SELECT * FROM unnest({placeholders}) {conflict}";
            for (var i = 0; i < columns.Count; i++) Parameter(command, i).Value = columns[i].Values;
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({placeholders}) {conflict}";
        var parameters = columns.Select((_, i) => Parameter(command, i)).ToArray();
        command.Prepare();
        for (var row = 0; row < rows; row++)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = columns[i].Values.GetValue(row) ?? DBNull.Value;
            // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway
            // and would only add a task per row.
            command.ExecuteNonQuery();
        }
    }

    private static DbParameter Parameter(DbCommand command, int index)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@p{index}";
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
