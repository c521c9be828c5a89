using Prometheus;

namespace Envoi.Core.Observability;

/// <summary>The gateway's Prometheus metrics, in one place so their names stay consistent.</summary>
public static class MailMetrics
{
    // First initializer, so it runs before any metric exists. prometheus-net would otherwise
    // listen to every .NET meter and event counter in the process (Kestrel, sockets, EF Core),
    // which costs CPU on every request and message and locks out dotnet-counters.
    private static readonly bool DefaultsChosen = ChooseDefaults();

    private static bool ChooseDefaults()
    {
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressProcessMetrics = false,
            SuppressEventCounters = true,
            SuppressMeters = true,
            SuppressDebugMetrics = true,
        });
        return true;
    }

    public static readonly Counter Accepted = Metrics.CreateCounter("envoi_messages_accepted_total", "Messages acknowledged with 250 after being stored durably.");
    public static readonly Counter Rejected = Metrics.CreateCounter("envoi_messages_rejected_total", "Messages refused at SMTP time.", "reason");
    public static readonly Counter Held = Metrics.CreateCounter("envoi_messages_held_total", "Messages that entered an undo window or a scheduled send.");
    public static readonly Counter Relayed = Metrics.CreateCounter("envoi_recipients_relayed_total", "Recipients accepted by the upstream.");
    public static readonly Counter Signatures = Metrics.CreateCounter("envoi_signatures_total", "Released message copies by signature outcome (inserted, already-present, none, protected, no-text-body, failed).", "outcome");
    public static readonly Counter Deferred = Metrics.CreateCounter("envoi_recipients_deferred_total", "Recipients refused temporarily (retry scheduled).");
    public static readonly Counter Bounced = Metrics.CreateCounter("envoi_recipients_bounced_total", "Recipients failed for good (a bounce is sent).");
    public static readonly Counter Cancelled = Metrics.CreateCounter("envoi_messages_cancelled_total", "Messages cancelled before they left.");
    public static readonly Counter ClicksRecorded = Metrics.CreateCounter("envoi_clicks_recorded_total", "Tracked-link clicks and image loads this node committed to the database.");
    public static readonly Gauge DiskFreeBytes = Metrics.CreateGauge("envoi_disk_free_bytes", "Free bytes on the fullest file system holding the spool or the data directory.");
    public static readonly Gauge DiskState = Metrics.CreateGauge("envoi_disk_state", "0: enough free space; 1: below Spool:WarnFreeMegabytes (warning); 2: below Spool:MinFreeMegabytes (new mail refused with 452 4.3.1).");
    public static readonly Gauge QueueDepth = Metrics.CreateGauge("envoi_queue_depth", "Messages in the queue by status.", "status");

    public static readonly Histogram AcceptLatency = Metrics.CreateHistogram(
        "envoi_accept_latency_seconds", "End of DATA to 250 reply (spool fsync + group commit).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    public static readonly Histogram RelayLatency = Metrics.CreateHistogram(
        "envoi_relay_latency_seconds", "Release time to upstream acceptance, per message attempt.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
}
