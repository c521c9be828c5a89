using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Queue;

/// <summary>
/// Message bodies in the <c>message_bodies</c> table, so that every node sharing one PostgreSQL
/// database can release, relay, cancel or return any message. A body is not written here on its
/// own: it travels in <see cref="NewMessage.Body"/> and <see cref="QueueStore.InsertAsync"/> inserts
/// it in the transaction that inserts its row, so "row committed" already means "body durable" and
/// there is never a row without its body or a body without its row (the foreign key removes the
/// body with the row). Delivery and the janitor delete bodies that are no longer needed.
/// </summary>
public sealed class DatabaseSpool(EnvoiDbFactory factory) : IMessageSpool
{
    /// <summary>Nothing to flush: a committed transaction is durable.</summary>
    public void FlushDirectories()
    {
    }

    /// <summary>
    /// The whole body, read into memory: MimeKit's persistent parsing keeps reading from the stream
    /// until delivery ends, and a database connection must not be held that long.
    /// </summary>
    public Stream OpenRead(string id)
    {
        using var db = factory.Create();
        var body = db.MessageBodies.AsNoTracking().Where(b => b.MessageId == id).Select(b => b.Body).FirstOrDefault()
                   ?? throw new FileNotFoundException($"The body of message {id} is not in the database.");
        return new MemoryStream(body, writable: false);
    }

    public async Task<Stream?> TryOpenReadAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var body = await db.MessageBodies.AsNoTracking().Where(b => b.MessageId == id).Select(b => b.Body).FirstOrDefaultAsync(cancellationToken);
        return body is null ? null : new MemoryStream(body, writable: false);
    }

    /// <summary><see cref="QueueStore.RecordDeliveriesAsync"/> deletes the bodies of finished messages in its own transaction.</summary>
    public bool DeletedWithResult => true;

    public bool Exists(string id)
    {
        using var db = factory.Create();
        return db.MessageBodies.Any(b => b.MessageId == id);
    }

    public void Delete(string id)
    {
        using var turn = factory.WriteTurnAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var db = factory.Create();
        db.MessageBodies.Where(b => b.MessageId == id).ExecuteDelete();
    }

    public IEnumerable<string> ListIds()
    {
        using var db = factory.Create();
        return db.MessageBodies.AsNoTracking().Select(b => b.MessageId).ToList();
    }

    /// <summary>
    /// Removes the bodies of relayed and failed messages that a node did not get to delete (it
    /// stopped between recording the result and deleting the body). Returns how many.
    /// </summary>
    public async Task<int> PurgeFinishedAsync(CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.MessageBodies
            .Where(b => db.Messages.Any(m => m.Id == b.MessageId && (m.Status == MessageStatus.Relayed || m.Status == MessageStatus.Failed)))
            .ExecuteDeleteAsync(ct);
    }
}
