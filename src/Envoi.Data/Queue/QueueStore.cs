using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Queue;

/// <summary>
/// The queue on EF Core. Each state change is a conditional UPDATE whose WHERE clause lists the
/// states it may leave: whichever of cancel, release or a second node's claim commits first wins,
/// and the loser sees zero rows changed.
/// </summary>
public sealed class QueueStore(EnvoiDbFactory factory) : IQueueStore
{
    public async Task InsertAsync(IReadOnlyList<NewMessage> batch, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        foreach (var message in batch)
        {
            var envelope = message.Envelope;
            var row = new MessageRow
            {
                Id = message.Id,
                Sender = envelope.Sender,
                UserId = envelope.UserId,
                Subject = message.Subject,
                Status = message.AwaitingConfirmation ? MessageStatus.AwaitingConfirmation : message.Scheduled ? MessageStatus.Scheduled : MessageStatus.Held,
                Findings = message.Findings,
                Origin = message.Origin,
                ReceivedAt = message.ReceivedAt.ToUnixTimeMilliseconds(),
                ReleaseAt = message.ReleaseAt.ToUnixTimeMilliseconds(),
                ExpiresAt = message.ExpiresAt.ToUnixTimeMilliseconds(),
                SizeBytes = message.SizeBytes,
                ClientAddress = envelope.ClientAddress,
            };
            foreach (var address in envelope.Recipients)
                row.Recipients.Add(new RecipientRow { MessageId = message.Id, Address = address, Status = RecipientStatus.Pending, UpdatedAt = row.ReceivedAt });
            db.Messages.Add(row);
            // Bodies in the database: row and body are committed together, so neither exists without the other.
            if (message.Body is { } body) db.MessageBodies.Add(new MessageBodyRow { MessageId = message.Id, Body = body.ToArray() });
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string> inFlight, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        var nowMs = now.ToUnixTimeMilliseconds();
        var token = Guid.NewGuid().ToString("N");
        await using var db = factory.Create();
        var until = nowMs + (long)lease.TotalMilliseconds;
        if (factory.Target.Provider == DatabaseProvider.Postgres)
            return await ClaimOnPostgresAsync(db, nowMs, max, owner, until, token, inFlight.ToArray(), ct);

        // SQLite has one writer (and this process's writers take turns): one UPDATE is atomic.
        var due = db.Messages
            .Where(m => ((m.Status == MessageStatus.Held || m.Status == MessageStatus.Scheduled || m.Status == MessageStatus.Deferred) && m.ReleaseAt <= nowMs)
                        || (m.Status == MessageStatus.Relaying && m.LeaseUntil < nowMs && !inFlight.Contains(m.Id)))
            .OrderBy(m => m.ReleaseAt)
            .Take(max)
            .Select(m => m.Id);
        var claimed = await db.Messages
            .Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Relaying)
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.ClaimToken, token), ct);
        if (claimed == 0) return [];

        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ClaimToken == token)
            .Include(m => m.Recipients.Where(r => r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Deferred))
            .OrderBy(m => m.ReleaseAt)
            .ToListAsync(ct);
        return rows.Select(m => new ClaimedMessage(
            m.Id, m.Sender, m.UserId, m.Recipients.OrderBy(r => r.Id).Select(r => r.Address).ToList(), m.Attempts,
            DateTimeOffset.FromUnixTimeMilliseconds(m.ReceivedAt), DateTimeOffset.FromUnixTimeMilliseconds(m.ExpiresAt), m.Origin)).ToList();
    }

    /// <summary>
    /// The claim in one statement and one round trip: the UPDATE returns the claimed rows and the
    /// same statement joins their pending recipients. Several nodes claim at once: SKIP LOCKED lets
    /// each take rows nobody else is taking, instead of queuing behind the same locks (and never
    /// hands one row to two nodes).
    /// </summary>
    private static async Task<IReadOnlyList<ClaimedMessage>> ClaimOnPostgresAsync(EnvoiDb db, long nowMs, int max, string owner, long until, string token, string[] running, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                WITH claimed AS (
                    UPDATE messages SET "Status" = 'Relaying', "LeaseOwner" = @owner, "LeaseUntil" = @until, "ClaimToken" = @token
                    WHERE "Id" IN (
                        SELECT "Id" FROM messages
                        WHERE ("Status" IN ('Held', 'Scheduled', 'Deferred') AND "ReleaseAt" <= @now)
                           OR ("Status" = 'Relaying' AND "LeaseUntil" < @now AND NOT ("Id" = ANY(@running)))
                        ORDER BY "ReleaseAt"
                        LIMIT @max
                        FOR UPDATE SKIP LOCKED)
                    RETURNING "Id", "Sender", "UserId", "Attempts", "ReceivedAt", "ExpiresAt", "Origin", "ReleaseAt")
                SELECT c."Id", c."Sender", c."UserId", c."Attempts", c."ReceivedAt", c."ExpiresAt", c."Origin", r."Address"
                FROM claimed c LEFT JOIN recipients r ON r."MessageId" = c."Id" AND r."Status" IN ('Pending', 'Deferred')
                ORDER BY c."ReleaseAt", c."Id", r."Id"
                """;
            void Add(string name, object value)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            Add("owner", owner);
            Add("until", until);
            Add("token", token);
            Add("now", nowMs);
            Add("running", running);
            Add("max", max);
            var claimed = new List<ClaimedMessage>();
            List<string>? recipients = null;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (claimed.Count == 0 || claimed[^1].Id != id)
                {
                    recipients = [];
                    claimed.Add(new ClaimedMessage(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), recipients, reader.GetInt32(3),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                        Enum.Parse<MessageOrigin>(reader.GetString(6))));
                }
                if (!reader.IsDBNull(7)) recipients!.Add(reader.GetString(7));
            }
            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> ReleaseLeasesOfAsync(string owner, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.Messages
            .Where(m => m.Status == MessageStatus.Relaying && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, 0L), ct);
    }

    public async Task<IReadOnlyList<MessageStatus>> RecordDeliveriesAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Database.AutoSavepointsEnabled = false; // the whole batch commits or nothing does: no savepoint round trips
        var ids = records.Select(r => r.Id).Distinct().ToList();
        var messages = await db.Messages.Include(m => m.Recipients).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var statuses = new List<MessageStatus>(records.Count);
        foreach (var record in records)
        {
            if (!messages.TryGetValue(record.Id, out var message))
            {
                // Removed meanwhile: its body never became durable, so it was never acknowledged.
                statuses.Add(MessageStatus.Cancelled);
                continue;
            }
            // A worker that lost its lease (it stalled; another node took over) must not overwrite the new owner's work.
            if (message.Status != MessageStatus.Relaying || message.LeaseOwner != record.Owner)
            {
                statuses.Add(message.Status);
                continue;
            }
            foreach (var result in record.Report.Recipients)
            {
                var recipient = message.Recipients.FirstOrDefault(r => r.Address == result.Address && r.Status is RecipientStatus.Pending or RecipientStatus.Deferred);
                if (recipient is null) continue;
                recipient.Status = result.Status;
                recipient.Response = Truncate(result.Response, 1000);
                recipient.UpdatedAt = now;
            }
            message.Status = MessageOutcome.Summarize(message.Recipients.Select(r => r.Status));
            message.Attempts++;
            message.LeaseOwner = null;
            message.ClaimToken = null;
            message.LeaseUntil = 0;
            if (message.Status == MessageStatus.Deferred) message.ReleaseAt = record.Report.RetryAt.ToUnixTimeMilliseconds();
            statuses.Add(message.Status);
        }
        await db.SaveChangesAsync(ct);
        // Bodies stored in the database leave with the result that makes them useless, in the same
        // commit (no separate delete, no separate fsync). With spool files the table is empty.
        var finished = messages.Values.Where(m => m.Status is MessageStatus.Relayed or MessageStatus.Failed).Select(m => m.Id).ToList();
        if (finished.Count > 0) await db.MessageBodies.Where(b => finished.Contains(b.MessageId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return statuses;
    }

    public async Task<OutboxEntry?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = factory.Create();
        var row = await db.Messages.AsNoTracking().Include(m => m.Recipients).SingleOrDefaultAsync(m => m.Id == id, ct);
        return row is null ? null : ToEntry(row);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxQuery query, CancellationToken ct)
    {
        await using var db = factory.Create();
        IQueryable<MessageRow> rows = db.Messages.AsNoTracking().Include(m => m.Recipients);
        if (query.UserId is { } userId) rows = rows.Where(m => m.UserId == userId);
        if (query.Statuses is { Count: > 0 } statuses) rows = rows.Where(m => statuses.Contains(m.Status));
        var list = await rows.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(Math.Clamp(query.Limit, 1, 10_000)).ToListAsync(ct);
        return list.Select(ToEntry).ToList();
    }

    public async Task<bool> CancelAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var waiting = await db.Messages
            .Where(m => m.Id == id && (m.Status == MessageStatus.Held || m.Status == MessageStatus.Scheduled || m.Status == MessageStatus.AwaitingConfirmation))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Cancelled), ct);
        if (waiting == 0)
        {
            // A deferred message already reached some recipients: recall the ones still pending.
            // Taking it to relaying under a private lease first keeps a worker from claiming it meanwhile.
            var recallLease = "recall-" + Guid.NewGuid().ToString("N");
            var deferred = await db.Messages
                .Where(m => m.Id == id && m.Status == MessageStatus.Deferred)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Relaying).SetProperty(m => m.LeaseOwner, recallLease), ct);
            if (deferred == 0) return false;
        }
        await db.Recipients
            .Where(r => r.MessageId == id && (r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Deferred))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Cancelled).SetProperty(r => r.UpdatedAt, nowMs), ct);
        var statuses = await db.Recipients.Where(r => r.MessageId == id).Select(r => r.Status).ToListAsync(ct);
        var final = MessageOutcome.Summarize(statuses);
        await db.Messages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, final).SetProperty(m => m.LeaseOwner, (string?)null), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> ReleaseAtAsync(string id, DateTimeOffset releaseAt, IReadOnlyCollection<MessageStatus> from, MessageStatus to, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        var releaseMs = releaseAt.ToUnixTimeMilliseconds();
        await using var db = factory.Create();
        return await db.Messages
            .Where(m => m.Id == id && from.Contains(m.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, to).SetProperty(m => m.ReleaseAt, releaseMs), ct) == 1;
    }

    public async Task<bool> MarkReturnedAsync(string id, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.Messages
            .Where(m => m.Id == id && m.Status == MessageStatus.Cancelled && !m.Returned)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Returned, true), ct) == 1;
    }

    public async Task<IReadOnlyDictionary<MessageStatus, int>> CountByStatusAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var counts = await db.Messages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<MessageStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<string>> ExpireConfirmationsAsync(DateTimeOffset now, bool send, CancellationToken ct)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var expired = await db.Messages.Where(m => m.Status == MessageStatus.AwaitingConfirmation && m.ReleaseAt <= nowMs).Select(m => m.Id).ToListAsync(ct);
        if (expired.Count == 0) return expired;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (send)
        {
            await db.Messages.Where(m => expired.Contains(m.Id) && m.Status == MessageStatus.AwaitingConfirmation)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Held), ct);
        }
        else
        {
            await db.Messages.Where(m => expired.Contains(m.Id) && m.Status == MessageStatus.AwaitingConfirmation)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Cancelled), ct);
            await db.Recipients.Where(r => expired.Contains(r.MessageId) && r.Status == RecipientStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Cancelled).SetProperty(r => r.UpdatedAt, nowMs), ct);
        }
        await tx.CommitAsync(ct);
        return expired;
    }

    public async Task<IReadOnlyList<string>> CancelledBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        await using var db = factory.Create();
        return await db.Messages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Cancelled && m.ReceivedAt >= fromMs && m.ReceivedAt < toMs)
            .OrderBy(m => m.ReceivedAt).Select(m => m.Id).ToListAsync(ct);
    }

    public async Task<bool> DeleteUnacknowledgedAsync(string id, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.Messages
            .Where(m => m.Id == id && (m.Status == MessageStatus.Held || m.Status == MessageStatus.Scheduled || m.Status == MessageStatus.Relaying || m.Status == MessageStatus.Deferred))
            .ExecuteDeleteAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<string>> PurgeFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        var beforeMs = before.ToUnixTimeMilliseconds();
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Messages.AsNoTracking()
            // A relayed message counts from its release (a message scheduled for next month is not purged
            // the day it leaves); a cancelled one from its arrival, since it will never be released.
            .Where(m => m.ReceivedAt < beforeMs && (m.Status == MessageStatus.Cancelled || ((m.Status == MessageStatus.Relayed || m.Status == MessageStatus.Failed) && m.ReleaseAt < beforeMs)))
            .OrderBy(m => m.ReceivedAt).Select(m => m.Id).Take(max).ToListAsync(ct);
        if (ids.Count == 0) return ids;
        // Recipients and bodies go by the foreign keys' cascade too; said explicitly so no provider setting can leave them behind.
        await db.Recipients.Where(r => ids.Contains(r.MessageId)).ExecuteDeleteAsync(ct);
        await db.MessageBodies.Where(b => ids.Contains(b.MessageId)).ExecuteDeleteAsync(ct);
        await db.Messages.Where(m => ids.Contains(m.Id) && (m.Status == MessageStatus.Relayed || m.Status == MessageStatus.Failed || m.Status == MessageStatus.Cancelled)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return ids;
    }

    public async Task<IReadOnlyList<(string Id, long SizeBytes)>> ListUnfinishedAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Held || m.Status == MessageStatus.Scheduled || m.Status == MessageStatus.Relaying || m.Status == MessageStatus.Deferred)
            .Select(m => new { m.Id, m.SizeBytes })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.SizeBytes)).ToList();
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.Messages.AnyAsync(m => m.Id == id, ct);
    }

    private static OutboxEntry ToEntry(MessageRow m) => new(
        m.Id, m.Sender, m.UserId, m.Subject, m.Status,
        DateTimeOffset.FromUnixTimeMilliseconds(m.ReceivedAt), DateTimeOffset.FromUnixTimeMilliseconds(m.ReleaseAt),
        m.Attempts, m.SizeBytes, m.Origin, m.Returned, m.Findings,
        m.Recipients.OrderBy(r => r.Id).Select(r => new OutboxRecipient(r.Address, r.Status, r.Response)).ToList());

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
