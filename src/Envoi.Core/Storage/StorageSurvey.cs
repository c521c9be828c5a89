using Envoi.Core.Queue;

namespace Envoi.Core.Storage;

/// <summary>The size of each store, for <c>envoi storage</c> and <c>GET /api/storage</c>: the same answer in both.</summary>
public sealed class StorageSurvey(IEnumerable<IStorageProbe> probes, QueueOptions queue, TimeProvider clock)
{
    public async Task<StorageReport> MeasureAsync(CancellationToken ct)
    {
        var stores = new List<StoreSize>();
        foreach (var probe in probes) stores.AddRange(await probe.MeasureAsync(ct));
        return new StorageReport(stores, queue.Retention, clock.GetUtcNow());
    }
}
