using System.Text;
using Envoi.Core.Mime;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;

namespace Envoi.Core.Green.Traffic;

/// <summary>
/// Counts the bytes the signature added to a message, for the green report. Only the forms the
/// message has got it (an HTML-only message carries no text signature). Counted behind the mail
/// path, in batches: counting never holds or slows a message.
/// </summary>
public sealed class SignatureTrafficStage(SignatureTrafficRecorder traffic, TimeProvider clock) : IMessageStage
{
    public string Name => "signature-traffic";

    public ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Noted<SignedCopy>() is not { } copy) return ValueTask.CompletedTask;
        var rendered = copy.Rendered;
        // The body parts are found, not decoded: decoding a large body only to test its presence would cost more than the count.
        var bodies = MessageBodies.Of(context.Message);
        long bytes = (bodies.Html is not null ? Encoding.UTF8.GetByteCount(rendered.Html) + rendered.Images.Sum(i => (long)i.Content.Length) : 0)
            + (bodies.Text is not null ? Encoding.UTF8.GetByteCount(rendered.Text) : 0);
        traffic.Deliveries.Post(new SignatureDelivery(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), rendered.Name, copy.Sender.Employee.Id, context.Recipients.Count, bytes));
        return ValueTask.CompletedTask;
    }
}
