using System.Globalization;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Console;

/// <summary>What the outbox table shows.</summary>
public sealed record OutboxView(IReadOnlyList<OutboxEntry> Entries);

/// <summary>
/// The outbox pages (mine in the portal, everyone's for administrators): the same
/// <see cref="OutboxService"/> as the API and CLI, so the same rules decide who may touch what.
/// </summary>
public abstract class OutboxPageModel(OutboxService outbox, IStringLocalizer<ConsoleText> text) : PageModel
{
    /// <summary>The console's words, for the page models' own sentences.</summary>
    protected IStringLocalizer<ConsoleText> T { get; } = text;

    public OutboxView View { get; private set; } = new([]);
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    protected Actor Actor => User.ToActor();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostCancelAsync(string id, CancellationToken ct) => ActAsync(() => outbox.CancelAsync(Actor, id, false, ct), ct);

    public Task OnPostSendNowAsync(string id, CancellationToken ct) => ActAsync(() => outbox.SendNowAsync(Actor, id, ct), ct);

    public Task OnPostConfirmAsync(string id, CancellationToken ct) => ActAsync(() => outbox.ConfirmAsync(Actor, id, ct), ct);

    public Task OnPostRescheduleAsync(string id, string sendAt, CancellationToken ct)
    {
        // datetime-local carries no zone: the form says the time is UTC.
        if (!DateTime.TryParse(sendAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            Problem = T["'{0}' is not a date and time.", sendAt];
            return LoadAsync(ct);
        }
        return ActAsync(() => outbox.RescheduleAsync(Actor, id, new DateTimeOffset(at, TimeSpan.Zero), ct), ct);
    }

    protected void SetOutcome(string text, bool succeeded)
    {
        if (succeeded) Message = text;
        else Problem = text;
    }

    private async Task ActAsync(Func<Task<OutboxResult>> action, CancellationToken ct)
    {
        var result = await action();
        SetOutcome(result.Message, result.Succeeded);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) => View = new OutboxView(await outbox.ListAsync(Actor, null, 200, ct));
}
