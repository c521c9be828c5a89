using Envoi.Core.Outbox;
using Envoi.Core.Users;
using Envoi.Web.Console;

namespace Envoi.Web.Pages.Portal;

/// <summary>My messages with a live countdown, Undo / Send now / Reschedule, and my undo window.</summary>
public sealed class OutboxModel(OutboxService outbox, UserAccounts accounts, IUserStore users, HoldPolicy hold) : OutboxPageModel(outbox)
{
    public int? HoldSeconds { get; private set; }
    public int MinSeconds => hold.Options.MinSeconds;
    public int MaxSeconds => hold.Options.MaxSeconds;
    public int DefaultSeconds => hold.Options.DefaultSeconds;
    public string Bounds => $"between {MinSeconds} and {MaxSeconds} s";

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        await next();
        if (Actor.UserId is { } id) HoldSeconds = (await users.FindAsync(id, HttpContext.RequestAborted))?.HoldSeconds;
    }

    public async Task OnPostHoldAsync(int? holdSeconds, CancellationToken ct)
    {
        var result = await accounts.SetHoldAsync(Actor.UserId ?? -1, holdSeconds, ct);
        await OnGetAsync(ct);
        SetOutcome(result.Error ?? $"Your messages now wait {(holdSeconds is { } s ? $"{s} s" : $"the company default ({DefaultSeconds} s)")} before they leave.", result.Error is null);
    }
}
