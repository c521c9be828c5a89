using Envoi.Core.Outbox;
using Envoi.Core.Queue;

namespace Envoi.Mail.Deliver;

/// <summary>Delivery results from all workers, committed together (see <see cref="GroupCommit{TItem,TResult}"/>).</summary>
public sealed class DeliveryRecorder(IQueueStore store) : IAsyncDisposable
{
    private readonly GroupCommit<DeliveryRecord, MessageStatus> _commits = new(batch => store.RecordDeliveriesAsync(batch, CancellationToken.None));

    /// <returns>The message status the results imply (or its current status when the lease was lost).</returns>
    public Task<MessageStatus> RecordAsync(string id, string owner, DeliveryReport report) =>
        _commits.SubmitAsync(new DeliveryRecord(id, owner, report));

    public ValueTask DisposeAsync() => _commits.DisposeAsync();
}
