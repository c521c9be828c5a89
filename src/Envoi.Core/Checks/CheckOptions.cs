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
    public Dictionary<string, CheckAction> Actions { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [CheckIds.ForgottenAttachment] = CheckAction.Hold,
        [CheckIds.LookalikeDomain] = CheckAction.Hold,
        [CheckIds.SensitiveData] = CheckAction.Warn,
        [CheckIds.EmptySubject] = CheckAction.Log,
        [CheckIds.ManyRecipients] = CheckAction.Log,
        [CheckIds.ExternalRecipients] = CheckAction.Off,
        [CheckIds.MixedRecipients] = CheckAction.Off,
        [CheckIds.MessageSize] = CheckAction.Off,
        [CheckIds.FirstTimeRecipient] = CheckAction.Warn,
        [CheckIds.MissingSignature] = CheckAction.Log,
    };

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

    /// <summary>The sender's groups that set this check decide (the strictest of them); otherwise the organization's action.</summary>
    public CheckAction ActionFor(string check, IEnumerable<string> senderGroups)
    {
        var groupActions = senderGroups
            .Select(g => Groups.TryGetValue(g, out var overrides) && overrides.TryGetValue(check, out var a) ? a : (CheckAction?)null)
            .OfType<CheckAction>().ToList();
        return groupActions.Count > 0 ? groupActions.Max() : Actions.GetValueOrDefault(check, CheckAction.Off);
    }
}

public static class CheckIds
{
    public const string ForgottenAttachment = "forgotten-attachment";
    public const string LookalikeDomain = "lookalike-domain";
    public const string SensitiveData = "sensitive-data";
    public const string EmptySubject = "empty-subject";
    public const string ManyRecipients = "many-recipients";
    public const string ExternalRecipients = "external-recipients";
    public const string MixedRecipients = "mixed-recipients";
    public const string MessageSize = "message-size";
    public const string FirstTimeRecipient = "first-time-recipient";
    public const string MissingSignature = "missing-signature";
}
