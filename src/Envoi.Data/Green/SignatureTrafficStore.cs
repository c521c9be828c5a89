using Envoi.Core.Green.Traffic;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Green;

/// <summary>
/// The signature traffic counters: one small row per day, signature and sender, incremented with one
/// UPDATE per message (atomic, so several nodes can count at once); the first message of the day
/// inserts the row, and loses gracefully to a node that inserted it first.
/// </summary>
public sealed class SignatureTrafficStore(EnvoiDbFactory factory) : ISignatureTraffic
{
    public async Task RecordAsync(SignatureDelivery delivery, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = factory.Create();
            if (await IncrementAsync(db, delivery, ct) > 0) return;
            db.SignatureTraffic.Add(new SignatureTrafficRow
            {
                Day = delivery.Day, Signature = delivery.Signature, EmployeeId = delivery.EmployeeId,
                Messages = 1, Recipients = delivery.Recipients, BytesAdded = delivery.BytesAdded,
            });
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

    private static Task<int> IncrementAsync(EnvoiDb db, SignatureDelivery d, CancellationToken ct) =>
        db.SignatureTraffic.Where(t => t.Day == d.Day && t.Signature == d.Signature && t.EmployeeId == d.EmployeeId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Messages, t => t.Messages + 1)
                .SetProperty(t => t.Recipients, t => t.Recipients + d.Recipients)
                .SetProperty(t => t.BytesAdded, t => t.BytesAdded + d.BytesAdded), ct);

    public async Task<IReadOnlyList<TrafficCount>> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.SignatureTraffic.AsNoTracking().Where(t => t.Day >= from && t.Day <= to).ToListAsync(ct);
        return rows.Select(t => new TrafficCount(t.Day, t.Signature, t.EmployeeId, t.Messages, t.Recipients, t.BytesAdded)).ToList();
    }
}
