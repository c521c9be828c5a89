using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Signatures;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>The queue by status and what signatures are made of, at a glance.</summary>
public sealed class IndexModel(IQueueStore queue, ISignatureStore signatures, IDirectoryStore directory) : PageModel
{
    public IReadOnlyList<MessageStatus> Shown { get; } =
        [MessageStatus.Held, MessageStatus.Scheduled, MessageStatus.AwaitingConfirmation, MessageStatus.Relaying, MessageStatus.Deferred, MessageStatus.Relayed, MessageStatus.Failed, MessageStatus.Cancelled];
    public IReadOnlyDictionary<MessageStatus, int> Counts { get; private set; } = new Dictionary<MessageStatus, int>();
    public int Templates { get; private set; }
    public int Rules { get; private set; }
    public int Employees { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await queue.CountByStatusAsync(ct);
        Templates = (await signatures.TemplatesAsync(ct)).Count;
        Rules = (await signatures.RulesAsync(ct)).Count;
        Employees = (await directory.SearchAsync(null, 0, 1, ct)).Total;
    }
}
