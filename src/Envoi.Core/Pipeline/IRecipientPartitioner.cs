namespace Envoi.Core.Pipeline;

/// <summary>
/// Says which recipients of a released message must get different copies (a colleague and a
/// customer calling for different signatures). Each group then goes through the stages and to the
/// upstream on its own; the queue still holds one message with a result per recipient.
/// </summary>
public interface IRecipientPartitioner
{
    /// <returns>Every recipient of <paramref name="context"/> exactly once, in groups; one group when no split is needed.</returns>
    ValueTask<IReadOnlyList<IReadOnlyList<string>>> PartitionAsync(MessageContext context, CancellationToken cancellationToken);
}

/// <summary>No split: everybody gets the same copy.</summary>
public sealed class SingleCopy : IRecipientPartitioner
{
    public ValueTask<IReadOnlyList<IReadOnlyList<string>>> PartitionAsync(MessageContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<IReadOnlyList<string>>>([context.Recipients]);
}
