using Envoi.Core;
using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Mail.Spool;

/// <summary>Queues messages Envoi writes itself (bounces, returned drafts) exactly like accepted mail: spool, fsync, commit.</summary>
public sealed class MessageInjector(IBodyWriter bodies, QueueWriter writer, QueueOptions options, TimeProvider clock) : IMessageInjector
{
    public async Task<string> InjectAsync(MimeMessage message, Envelope envelope, MessageOrigin origin, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = QueueId.New(now);
        using var buffer = new MemoryStream();
        await message.WriteToAsync(WireFormat.Options, buffer, ct);
        await using (var body = await bodies.CreateAsync(id, [buffer.GetBuffer().AsMemory(0, (int)buffer.Length)], ct))
        {
            await body.FlushToDiskAsync();
            await writer.CommitAsync(new NewMessage(id, envelope, now, now, now + options.MaxAge, Scheduled: false, body.Length, message.Subject, origin, Body: body.Inline));
        }
        return id;
    }
}
