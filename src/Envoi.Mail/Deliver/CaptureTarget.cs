using Envoi.Core;
using Envoi.Core.Capture;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Mail.Deliver;

/// <summary>
/// With no upstream configured, released mail lands in <c>DATA/captured</c> (one .eml and its
/// envelope as .json) so a first run or a demo shows exactly what would have left.
/// </summary>
public sealed class CaptureTarget(CapturedMail captured) : IDeliveryTarget
{
    public string Describe() => $"capture folder {captured.Directory}";

    public async Task<IReadOnlyList<RecipientResult>> DeliverAsync(string queueId, MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        var name = await captured.SaveAsync(queueId, message, sender, recipients, ct);
        return recipients.Select(r => new RecipientResult(r, RecipientStatus.Relayed, $"250 captured as {name}")).ToList();
    }
}

