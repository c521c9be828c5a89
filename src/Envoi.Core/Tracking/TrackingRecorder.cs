using Microsoft.Extensions.Logging;

namespace Envoi.Core.Tracking;

/// <summary>The two write-behind queues of tracking: clicks (and image loads) and signed messages.</summary>
public sealed class TrackingRecorder(ITrackingStore store, ILogger<TrackingRecorder> logger) : IAsyncDisposable
{
    public BatchWriter<Click> Clicks { get; } = new(store.AddClicksAsync, logger);

    public BatchWriter<SignedMessage> Signed { get; } = new(store.AddSignedAsync, logger);

    public async Task FlushAsync(CancellationToken ct)
    {
        await Clicks.FlushAsync(ct);
        await Signed.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Clicks.DisposeAsync();
        await Signed.DisposeAsync();
        logger.LogInformation("Tracking stopped: {Count} click(s) recorded by this node since it started", Observability.MailMetrics.ClicksRecorded.Value);
    }
}
