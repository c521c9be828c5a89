namespace Envoi.Core.Checks;

/// <summary>What Envoi does when a check finds something.</summary>
public enum CheckAction
{
    Off,
    /// <summary>Recorded in the log and on the message; the message goes on.</summary>
    Log,
    /// <summary>The sender gets a notice; the message goes on.</summary>
    Warn,
    /// <summary>The message waits in the outbox until the sender confirms or cancels it.</summary>
    Hold,
    /// <summary>Refused at SMTP time with 550 5.7.1 and a sentence the sender's client shows at once.</summary>
    Refuse,
}

/// <summary>
/// Send-safety policy (configuration section <c>Checks</c>): an action per check for the whole
/// organization, overridable per directory group (the strictest action of the sender's groups wins).
/// </summary>
public sealed class CheckOptions
{
    /// <summary>Check id → action for everyone; a check not named here does its <see cref="ISendSafetyCheck.DefaultAction"/>.</summary>
    public Dictionary<string, CheckAction> Actions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Group name → check → action, for groups that need a different policy.</summary>
    public Dictionary<string, Dictionary<string, CheckAction>> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The organization's own domains (internal recipients); empty: the sender's domain.</summary>
    public List<string> InternalDomains { get; set; } = [];

    /// <summary>Domains the organization writes to, besides its own and those seen in relayed mail.</summary>
    public List<string> KnownDomains { get; set; } = [];

    /// <summary>More visible (To and Cc) recipients than this suggests Bcc.</summary>
    public int MaxVisibleRecipients { get; set; } = 20;

    public long MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long the history of relayed mail (known domains, frequent contacts) is cached.</summary>
    public TimeSpan HistoryCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A contact the sender wrote to at least this many times is "frequent".</summary>
    public int FrequentContactMessages { get; set; } = 3;

    /// <summary>Extra regular expressions reported as sensitive data (e.g. internal project code names).</summary>
    public List<string> SensitivePatterns { get; set; } = [];

    /// <summary>How long a held-for-confirmation message waits for its sender.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When nobody confirms in time: cancel the message (default) or send it anyway.</summary>
    public bool SendWhenConfirmationTimesOut { get; set; }

    /// <summary>The header with which a sender confirms up front what the checks would hold or refuse.</summary>
    public const string ConfirmHeader = "X-Envoi-Confirm";

    /// <summary>Whether resending with <c>X-Envoi-Confirm: yes</c> counts as confirmation.</summary>
    public bool AllowConfirmHeader { get; set; } = true;

    /// <summary>The sender's groups that set this check decide (the strictest of them); otherwise the organization's action, else the check's default.</summary>
    public CheckAction ActionFor(string check, CheckAction defaultAction, IEnumerable<string> senderGroups)
    {
        var groupActions = senderGroups
            .Select(g => Groups.TryGetValue(g, out var overrides) && overrides.TryGetValue(check, out var a) ? a : (CheckAction?)null)
            .OfType<CheckAction>().ToList();
        return groupActions.Count > 0 ? groupActions.Max() : Actions.GetValueOrDefault(check, defaultAction);
    }
}
