using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Signatures;
using Envoi.Core.Tracking.Statistics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>The queue by status and what signatures are made of, at a glance.</summary>
public sealed class IndexModel(IQueueStore queue, ISignatureStore signatures, IDirectoryStore directory, StatisticsService stats) : PageModel
{
    public IReadOnlyList<MessageStatus> Shown { get; } =
        [MessageStatus.Held, MessageStatus.Scheduled, MessageStatus.AwaitingConfirmation, MessageStatus.Relaying, MessageStatus.Deferred, MessageStatus.Relayed, MessageStatus.Failed, MessageStatus.Cancelled];
    public IReadOnlyDictionary<MessageStatus, int> Counts { get; private set; } = new Dictionary<MessageStatus, int>();
    public int Templates { get; private set; }
    public int Rules { get; private set; }
    public int Employees { get; private set; }
    public StatsRow? Today { get; private set; }
    public IReadOnlyList<StatsRow> TopCampaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await queue.CountByStatusAsync(ct);
        Templates = (await signatures.TemplatesAsync(ct)).Count;
        Rules = (await signatures.RulesAsync(ct)).Count;
        Employees = (await directory.SearchAsync(null, 0, 1, ct)).Total;
        Today = (await stats.ReportAsync(StatsDimension.Day, new StatsPeriod(stats.Today, stats.Today), null, ct)).Totals;
        var week = await stats.ReportAsync(StatsDimension.Campaign, new StatsPeriod(stats.Today.AddDays(-6), stats.Today), null, ct);
        TopCampaigns = week.Rows.OrderByDescending(r => r.HumanClicks).ThenByDescending(r => r.MessagesSigned).Take(5).ToList();
    }
}
