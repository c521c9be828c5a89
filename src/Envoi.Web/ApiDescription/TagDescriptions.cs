namespace Envoi.Web.ApiDescription;

/// <summary>One sentence per API tag: what that group of endpoints is for.</summary>
public static class TagDescriptions
{
    private static readonly Dictionary<string, string> Sentences = new()
    {
        ["Operations"] = "Health and Prometheus metrics for monitoring.",
        ["Directory"] = "Employees, their attributes and rights, groups, imports and exports.",
        ["Users"] = "Who may sign in and send: accounts, roles, undo windows, access.",
        ["Signatures"] = "Signature templates, rules, images, previews and each sender's choices.",
        ["Checks"] = "The gateway's send-safety checks: their policy, and a draft run through them.",
        ["Outlook add-in"] = "The Outlook add-in's manifest, files and settings.",
        ["Outbox"] = "Messages held for the undo window: list, cancel, send now, reschedule, confirm.",
        ["Capture"] = "Mail captured instead of relayed when no upstream is configured.",
        ["Storage"] = "Sizes of the queue, spool and database stores.",
        ["SCIM"] = "SCIM 2.0 provisioning of users and groups (Entra ID, Okta).",
        ["Green IT"] = "The signature weight and CO2 report.",
        ["Campaigns"] = "Banner campaigns: schedule, audience, pause and resume.",
        ["Statistics"] = "Clicks and signed messages, and their Excel export.",
        ["Audit"] = "Who changed what and when.",
        ["Users"] = "Envoi accounts: roles, undo windows, passwords and tokens.",
    };

    public static string? Of(string? tag) => tag is not null && Sentences.TryGetValue(tag, out var sentence) ? sentence : null;
}
