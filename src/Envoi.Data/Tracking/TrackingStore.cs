using Envoi.Core.Tracking;
using Envoi.Data.Tracking.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Envoi.Data.Tracking;

/// <summary>
/// Writes batches of clicks and signed messages, each batch in one transaction with what it adds to
/// the daily counters (<c>click_counts</c>) and the statistics rollups. Clicks are written on the
/// redirect's hot path (tens of thousands a second), so everything goes through bulk statements
/// (<see cref="BulkInsert"/>), never EF's change tracking.
/// </summary>
public sealed class TrackingStore(EnvoiDbFactory factory) : ITrackingStore
{
    public static int DayOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return utc.Year * 10000 + utc.Month * 100 + utc.Day;
    }

    private readonly record struct CounterKey(int Day, int EmployeeId, string Signature, int CampaignId, long TargetId);

    private sealed class Counter
    {
        public long Human, Automated, Images;
    }

    /// <summary>The counter rows, in the order they are locked (see <see cref="RollupTables"/>).</summary>
    private static readonly Comparison<KeyValuePair<CounterKey, Counter>> CounterOrder = (x, y) =>
    {
        var (a, b) = (x.Key, y.Key);
        var c = a.Day.CompareTo(b.Day);
        if (c == 0) c = a.EmployeeId.CompareTo(b.EmployeeId);
        if (c == 0) c = string.CompareOrdinal(a.Signature, b.Signature);
        if (c == 0) c = a.CampaignId.CompareTo(b.CampaignId);
        return c != 0 ? c : a.TargetId.CompareTo(b.TargetId);
    };

    private const string CounterUpsert = """
        ON CONFLICT ("Day", "EmployeeId", "Signature", "CampaignId", "TargetId") DO UPDATE SET
          "Human" = click_counts."Human" + excluded."Human",
          "Automated" = click_counts."Automated" + excluded."Automated",
          "Images" = click_counts."Images" + excluded."Images"
        """;

    public async Task AddClicksAsync(IReadOnlyList<Click> clicks, CancellationToken ct)
    {
        var linkIds = new long[clicks.Count];
        var at = new long[clicks.Count];
        var days = new int[clicks.Count];
        var kinds = new int[clicks.Count];
        var reasons = new string?[clicks.Count];
        var counters = new Dictionary<CounterKey, Counter>();
        for (var i = 0; i < clicks.Count; i++)
        {
            var click = clicks[i];
            (linkIds[i], at[i], days[i], kinds[i], reasons[i]) = (click.LinkId, click.At.ToUnixTimeMilliseconds(), DayOf(click.At), (int)click.Kind, click.AutomatedReason);
            var key = new CounterKey(days[i], click.EmployeeId, click.Signature, click.CampaignId, click.TargetId);
            if (!counters.TryGetValue(key, out var counter)) counters[key] = counter = new Counter();
            if (click.Kind == LinkKind.Image) counter.Images++;
            else if (click.AutomatedReason is null) counter.Human++;
            else counter.Automated++;
        }
        var sorted = counters.ToArray();
        Array.Sort(sorted, CounterOrder);
        var rollups = new RollupChanges();
        foreach (var (key, count) in sorted)
            rollups.AddClicks(key.Day, key.EmployeeId, key.Signature, key.CampaignId, key.TargetId, count.Human, count.Automated, count.Images);

        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (connection, dbTransaction, provider) = (db.Database.GetDbConnection(), transaction.GetDbTransaction(), factory.Target.Provider);
        await BulkInsert.RunAsync(connection, dbTransaction, provider, "clicks",
            [new("LinkId", linkIds), new("At", at), new("Day", days), new("Kind", kinds), new("AutomatedReason", reasons)], "", ct);
        await BulkInsert.RunAsync(connection, dbTransaction, provider, "click_counts",
        [
            new("Day", sorted.Select(c => c.Key.Day).ToArray()), new("EmployeeId", sorted.Select(c => c.Key.EmployeeId).ToArray()),
            new("Signature", sorted.Select(c => c.Key.Signature).ToArray()), new("CampaignId", sorted.Select(c => c.Key.CampaignId).ToArray()),
            new("TargetId", sorted.Select(c => c.Key.TargetId).ToArray()), new("Human", sorted.Select(c => c.Value.Human).ToArray()),
            new("Automated", sorted.Select(c => c.Value.Automated).ToArray()), new("Images", sorted.Select(c => c.Value.Images).ToArray()),
        ], CounterUpsert, ct);
        await rollups.WriteAsync(connection, dbTransaction, provider, ct);
        await transaction.CommitAsync(ct);
        Envoi.Core.Observability.MailMetrics.ClicksRecorded.Inc(clicks.Count);
    }

    public async Task AddSignedAsync(IReadOnlyList<SignedMessage> signed, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A retried delivery signs the same copy again: it is counted once. Another node inserting
        // the same copy at the same moment makes the unique index refuse this batch, which the
        // caller retries (and then finds it here).
        var ids = signed.Select(s => s.MessageId).Distinct().ToList();
        var seen = (await db.SignedMessages.AsNoTracking().Where(s => ids.Contains(s.MessageId)).Select(s => new { s.MessageId, s.Signature }).ToListAsync(ct))
            .Select(s => (s.MessageId, s.Signature)).ToHashSet();
        var fresh = signed.Where(s => seen.Add((s.MessageId, s.Signature))).ToArray();
        if (fresh.Length == 0) return;
        var days = fresh.Select(s => DayOf(s.At)).ToArray();
        var rollups = new RollupChanges();
        for (var i = 0; i < fresh.Length; i++) rollups.AddSigned(days[i], fresh[i].EmployeeId, fresh[i].Signature, fresh[i].CampaignId);

        var (connection, dbTransaction) = (db.Database.GetDbConnection(), transaction.GetDbTransaction());
        await BulkInsert.RunAsync(connection, dbTransaction, factory.Target.Provider, "signed_messages",
        [
            new("MessageId", fresh.Select(s => s.MessageId).ToArray()), new("EmployeeId", fresh.Select(s => s.EmployeeId).ToArray()),
            new("Signature", fresh.Select(s => s.Signature).ToArray()), new("CampaignId", fresh.Select(s => s.CampaignId).ToArray()), new("Day", days),
        ], "", ct);
        await rollups.WriteAsync(connection, dbTransaction, factory.Target.Provider, ct);
        await transaction.CommitAsync(ct);
    }
}
