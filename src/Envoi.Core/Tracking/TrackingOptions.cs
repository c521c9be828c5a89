namespace Envoi.Core.Tracking;

/// <summary><c>Tracking:*</c> settings: what is rewritten, what is counted, and how automated clicks are recognized.</summary>
public sealed class TrackingOptions
{
    /// <summary>Rewrite the links of signatures and banners to <c>/c/TOKEN</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Serve banner images through <c>/i/TOKEN</c> and count the loads; false for privacy (plain <c>/assets</c> URLs).</summary>
    public bool ImageLoads { get; set; } = true;

    /// <summary>Also track mailto: and tel: links (they are left alone by default: a redirect breaks some clients' handlers).</summary>
    public bool TrackMailtoAndTel { get; set; }

    public BotOptions Bots { get; set; } = new();
}

/// <summary>How automated clicks (link scanners, prefetchers) are recognized; each test can be widened or switched off.</summary>
public sealed class BotOptions
{
    /// <summary>A click this soon after the message left is a scanner's (people do not read that fast); 0 switches the test off.</summary>
    public int SecondsAfterDelivery { get; set; } = 10;

    /// <summary>Case-insensitive substrings of the User-Agent of known scanners and prefetchers.</summary>
    public List<string> UserAgents { get; set; } =
    [
        "Safe Links", "SafeLinks", "Microsoft Office Protection", "Mimecast", "Proofpoint", "Barracuda", "urldefense",
        "GoogleImageProxy", "YahooMailProxy", "bot", "crawler", "spider", "preview", "curl/", "python-requests", "Go-http-client",
    ];

    /// <summary>Networks scanners click from (CIDR): by default Microsoft's Exchange Online Protection ranges.</summary>
    public List<string> Networks { get; set; } =
    [
        "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17", "2a01:111:f400::/48", "2a01:111:f403::/48",
    ];
}
