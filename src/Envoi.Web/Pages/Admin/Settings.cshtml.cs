using Envoi.Core.Checks;
using Envoi.Core.Outbox;
using Envoi.Web.Console;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>The running configuration: upstream, hold bounds, DKIM keys with their DNS records, the send-safety policy.</summary>
public sealed class SettingsModel(ServerFacts facts, HoldOptions hold, CheckOptions checks, SendSafetyChecks policy) : PageModel
{
    public ServerFacts Facts => facts;
    public HoldOptions Hold => hold;
    public CheckOptions Checks => checks;
    public IReadOnlyList<CheckPolicyLine> Policy { get; } = policy.Policy();
    public IReadOnlyList<DkimKeyFact> Keys { get; private set; } = [];

    public void OnGet() => Keys = facts.DkimKeys();
}
