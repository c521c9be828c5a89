using System.Data.Common;

namespace Envoi.Data.Tracking.Rollups;

/// <summary>
/// What one batch adds to the statistics rollups, summed per row in memory first, then written with
/// one bulk upsert per table (<see cref="BulkInsert"/>) in the batch's own transaction, so the rollups
/// always agree with the raw rows committed with them.
/// </summary>
internal sealed class RollupChanges
{
    private readonly Dictionary<Cell, Counts>[] _tables = RollupTables.All.Select(_ => new Dictionary<Cell, Counts>()).ToArray();

    private readonly record struct Cell(int Period, long Id, string Text);

    private sealed class Counts
    {
        public long Messages, Human, Automated, Images;
    }

    /// <summary>A signed copy: one message for its day, employee, signature and campaign (if any).</summary>
    public void AddSigned(int day, int employeeId, string signature, int campaignId) =>
        AddToAll(day, employeeId, signature, campaignId, targetId: null, messages: 1, 0, 0, 0);

    /// <summary>A click link created: the link view's "messages it was mailed in".</summary>
    public void AddMailedLink(int day, long targetId) => AddToDimension(RollupTables.Link, day, targetId, "", 1, 0, 0, 0);

    /// <summary>Clicks of one counter key (as summed for <c>click_counts</c>).</summary>
    public void AddClicks(int day, int employeeId, string signature, int campaignId, long targetId, long human, long automated, long images) =>
        AddToAll(day, employeeId, signature, campaignId, targetId, 0, human, automated, images);

    private void AddToAll(int day, int employeeId, string signature, int campaignId, long? targetId, long messages, long human, long automated, long images)
    {
        Add(0, new Cell(day, 0, ""), messages, human, automated, images);
        AddToDimension(RollupTables.Employee, day, employeeId, "", messages, human, automated, images);
        AddToDimension(RollupTables.Signature, day, 0, signature, messages, human, automated, images);
        // The campaign view lists campaigns only: "no campaign" (0) is never a row of it.
        if (campaignId != 0) AddToDimension(RollupTables.Campaign, day, campaignId, "", messages, human, automated, images);
        if (targetId is { } target) AddToDimension(RollupTables.Link, day, target, "", messages, human, automated, images);
    }

    private void AddToDimension(RollupDimension dimension, int day, long id, string text, long messages, long human, long automated, long images)
    {
        var first = IndexOf(dimension.Levels[0]);
        for (var i = 0; i < dimension.Levels.Count; i++)
            Add(first + i, new Cell(dimension.Levels[i].PeriodOf(day), id, text), messages, human, automated, images);
    }

    private static int IndexOf(RollupTable table)
    {
        for (var i = 0; i < RollupTables.All.Count; i++)
            if (ReferenceEquals(RollupTables.All[i], table)) return i;
        throw new ArgumentException($"{table.Name} is not a rollup", nameof(table));
    }

    private void Add(int table, Cell cell, long messages, long human, long automated, long images)
    {
        if (!_tables[table].TryGetValue(cell, out var counts)) _tables[table][cell] = counts = new Counts();
        counts.Messages += messages;
        counts.Human += human;
        counts.Automated += automated;
        counts.Images += images;
    }

    /// <summary>Upserts every changed row, table by table in <see cref="RollupTables.All"/>'s order, rows in key order.</summary>
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, CancellationToken ct)
    {
        for (var t = 0; t < _tables.Length; t++)
        {
            if (_tables[t].Count == 0) continue;
            var table = RollupTables.All[t];
            var rows = _tables[t].OrderBy(r => r.Key.Period).ThenBy(r => r.Key.Id).ThenBy(r => r.Key.Text, StringComparer.Ordinal).ToArray();
            var columns = new List<BulkColumn> { new(table.PeriodColumn, rows.Select(r => r.Key.Period).ToArray()) };
            if (table.KeyColumn is { } key)
                columns.Add(new(key, table.Key switch
                {
                    RollupKey.Int => rows.Select(r => (int)r.Key.Id).ToArray(),
                    RollupKey.Long => rows.Select(r => r.Key.Id).ToArray(),
                    _ => rows.Select(r => r.Key.Text).ToArray(),
                }));
            columns.Add(new("Messages", rows.Select(r => r.Value.Messages).ToArray()));
            columns.Add(new("Human", rows.Select(r => r.Value.Human).ToArray()));
            columns.Add(new("Automated", rows.Select(r => r.Value.Automated).ToArray()));
            columns.Add(new("Images", rows.Select(r => r.Value.Images).ToArray()));
            await BulkInsert.RunAsync(connection, transaction, provider, table.Name, columns, table.Upsert, ct);
        }
    }
}
