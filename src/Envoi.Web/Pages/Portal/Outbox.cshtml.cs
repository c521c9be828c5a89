using Envoi.Core.Outbox;
using Envoi.Core.Users;
using Envoi.Web.Console;
using Envoi.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Envoi.Web.Pages.Portal;

/// <summary>My messages with a live countdown, Undo / Send now / Reschedule, and my undo window.</summary>
public sealed class OutboxModel(OutboxService outbox, UserAccounts accounts, IUserStore users, HoldPolicy hold, IStringLocalizer<ConsoleText> text) : OutboxPageModel(outbox, text)
{
    public int? HoldSeconds { get; private set; }
    public int MinSeconds => hold.Options.MinSeconds;
    public int MaxSeconds => hold.Options.MaxSeconds;
    public int DefaultSeconds => hold.Options.DefaultSeconds;
    public string Bounds => T["between {0} and {1} s", MinSeconds, MaxSeconds];

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        await next();
        if (Actor.UserId is { } id) HoldSeconds = (await users.FindAsync(id, HttpContext.RequestAborted))?.HoldSeconds;
    }

    public async Task OnPostHoldAsync(int? holdSeconds, CancellationToken ct)
    {
        var result = await accounts.SetHoldAsync(Actor.UserId ?? -1, holdSeconds, ct);
        await OnGetAsync(ct);
        SetOutcome(result.Error ?? (holdSeconds is { } s ? T["Your messages now wait {0} s before they leave.", s] : T["Your messages now wait the company default ({0} s) before they leave.", DefaultSeconds]), result.Error is null);
    }
}
