using MimeKit;

namespace Envoi.Core.Queue;

/// <summary>Queues a message Envoi writes itself (a bounce, a returned draft) through the same durable path as SMTP mail.</summary>
public interface IMessageInjector
{
    Task<string> InjectAsync(MimeMessage message, Envelope envelope, MessageOrigin origin, CancellationToken cancellationToken);
}
