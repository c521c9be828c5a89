using Envoi.Core.Green.Traffic;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Green;

/// <summary>
/// The signature traffic counters: one small row per day, signature and sender. A batch of messages
/// is summed per row first, then each row is incremented with one UPDATE (atomic, so several nodes
/// can count at once); the first message of the day inserts the row, and loses gracefully to a node
/// that inserted it first.
/// </summary>
public sealed class SignatureTrafficStore(EnvoiDbFactory factory) : ISignatureTraffic
{
    public async Task RecordAsync(IReadOnlyList<SignatureDelivery> deliveries, CancellationToken ct)
    {
        var rows = deliveries.GroupBy(d => (d.Day, d.Signature, d.EmployeeId))
            .Select(g => (Key: g.Key, Messages: g.Count(), Recipients: g.Sum(d => d.Recipients), Bytes: g.Sum(d => d.BytesAdded)));
        using var turn = await factory.WriteTurnAsync(ct);
        foreach (var row in rows)
            await AddAsync(new SignatureTrafficRow
            {
                Day = row.Key.Day, Signature = row.Key.Signature, EmployeeId = row.Key.EmployeeId,
                Messages = row.Messages, Recipients = row.Recipients, BytesAdded = row.Bytes,
            }, ct);
    }

    private async Task AddAsync(SignatureTrafficRow add, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = factory.Create();
            if (await IncrementAsync(db, add, ct) > 0) return;
            db.SignatureTraffic.Add(add);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node inserted the day's row between our UPDATE and INSERT: increment it instead.
            }
        }
    }

    private static Task<int> IncrementAsync(EnvoiDb db, SignatureTrafficRow add, CancellationToken ct) =>
        db.SignatureTraffic.Where(t => t.Day == add.Day && t.Signature == add.Signature && t.EmployeeId == add.EmployeeId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Messages, t => t.Messages + add.Messages)
                .SetProperty(t => t.Recipients, t => t.Recipients + add.Recipients)
                .SetProperty(t => t.BytesAdded, t => t.BytesAdded + add.BytesAdded), ct);

    public async Task<IReadOnlyList<TrafficCount>> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.SignatureTraffic.AsNoTracking().Where(t => t.Day >= from && t.Day <= to).ToListAsync(ct);
        return rows.Select(t => new TrafficCount(t.Day, t.Signature, t.EmployeeId, t.Messages, t.Recipients, t.BytesAdded)).ToList();
    }
}
