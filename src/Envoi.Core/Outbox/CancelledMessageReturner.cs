using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Core.Outbox;

/// <summary>
/// Sends a cancelled message back to its sender, attached whole, so the sender can open it,
/// edit it and send it again from any mail client. Each message is returned at most once.
/// </summary>
public sealed class CancelledMessageReturner(IQueueStore store, IMessageSpool spool, IMessageInjector injector, GatewayIdentity identity)
{
    /// <returns>The queue id of the returned copy, or null when it had already been returned.</returns>
    public async Task<string?> ReturnAsync(OutboxEntry cancelled, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(cancelled.From) || !spool.Exists(cancelled.Id)) return null;
        if (!await store.MarkReturnedAsync(cancelled.Id, ct)) return null;

        MimeMessage original;
        await using (var body = spool.OpenRead(cancelled.Id))
            original = await MimeMessage.LoadAsync(body, ct);

        var returned = new MimeMessage();
        returned.From.Add(new MailboxAddress("Envoi", identity.PostmasterAddress));
        returned.To.Add(MailboxAddress.Parse(cancelled.From));
        returned.Subject = $"Cancelled, not sent: {original.Subject}";
        returned.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var text = new TextPart("plain")
        {
            Text = $"""
                You cancelled this message before it left (queue id {cancelled.Id}); none of its recipients received it.

                The original is attached: open it, edit it and send it again.
                """,
        };
        var multipart = new Multipart("mixed") { text, new MessagePart { Message = original } };
        returned.Body = multipart;

        var envelope = new Envelope("", [cancelled.From], cancelled.UserId, "127.0.0.1");
        return await injector.InjectAsync(returned, envelope, MessageOrigin.ReturnedToSender, ct);
    }
}
