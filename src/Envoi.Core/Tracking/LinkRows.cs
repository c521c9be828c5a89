using Envoi.Core.Queue;
using Microsoft.Extensions.Logging;

namespace Envoi.Core.Tracking;

/// <summary>
/// Creates the link rows of many messages in one transaction. Unlike the clicks' write-behind
/// <see cref="BatchWriter{T}"/>, each message waits for its batch's commit: the redirect reads the
/// row, so it must be durable before the message leaves. Under load the commit is shared by the
/// messages released together instead of paid by each.
/// </summary>
public sealed class LinkRows : IAsyncDisposable
{
    private readonly ILinkStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly GroupCommit<IReadOnlyList<NewLink>, Outcome> _commit;

    public LinkRows(ILinkStore store, TimeProvider clock, ILogger logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        _commit = new GroupCommit<IReadOnlyList<NewLink>, Outcome>(CommitAsync);
    }

    /// <summary>The id of each link's row (see <see cref="ILinkStore.EnsureAsync"/>), once committed.</summary>
    public async Task<IReadOnlyList<long>> EnsureAsync(IReadOnlyList<NewLink> links, CancellationToken ct)
    {
        var outcome = await _commit.SubmitAsync(links).WaitAsync(ct);
        return outcome.Ids ?? throw outcome.Error!;
    }

    private sealed record Outcome(IReadOnlyList<long>? Ids, Exception? Error);

    private async Task<IReadOnlyList<Outcome>> CommitAsync(IReadOnlyList<IReadOnlyList<NewLink>> messages)
    {
        try
        {
            var ids = await _store.EnsureAsync(messages.SelectMany(m => m).ToList(), _clock.GetUtcNow(), CancellationToken.None);
            var outcomes = new List<Outcome>(messages.Count);
            var at = 0;
            foreach (var links in messages)
            {
                outcomes.Add(new Outcome(ids.Skip(at).Take(links.Count).ToList(), null));
                at += links.Count;
            }
            return outcomes;
        }
        catch (Exception e) when (messages.Count > 1)
        {
            // One message's links must not fail the others released with it: each on its own, so only the bad one fails.
            _logger.LogWarning(e, "Creating the link rows of {Count} messages together failed; creating them one message at a time", messages.Count);
            var outcomes = new List<Outcome>(messages.Count);
            foreach (var links in messages)
            {
                try
                {
                    outcomes.Add(new Outcome(await _store.EnsureAsync(links, _clock.GetUtcNow(), CancellationToken.None), null));
                }
                catch (Exception one)
                {
                    outcomes.Add(new Outcome(null, one));
                }
            }
            return outcomes;
        }
    }

    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}
