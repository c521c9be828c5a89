using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Mail.Deliver;

/// <summary>
/// Where released mail goes: the upstream smarthost, or the capture folder when none is configured.
/// One call is one transaction with the target and yields a result for every recipient given.
/// </summary>
public interface IDeliveryTarget
{
    string Describe();

    Task<IReadOnlyList<RecipientResult>> DeliverAsync(string queueId, MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct);
}
