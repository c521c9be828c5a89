using Envoi.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace Envoi.Core.Green.Traffic;

/// <summary>
/// Counts signature traffic behind the mail path: the signature stage posts, a background writer
/// sums and stores in batches (one small write per batch instead of one per message), and a graceful
/// stop flushes what is waiting.
/// </summary>
public sealed class SignatureTrafficRecorder(ISignatureTraffic traffic, ILogger<SignatureTrafficRecorder> logger) : IAsyncDisposable
{
    public BatchWriter<SignatureDelivery> Deliveries { get; } = new(traffic.RecordAsync, logger);

    public Task FlushAsync(CancellationToken ct) => Deliveries.FlushAsync(ct);

    public ValueTask DisposeAsync() => Deliveries.DisposeAsync();
}
