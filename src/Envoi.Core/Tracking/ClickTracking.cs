using System.Collections.Concurrent;

namespace Envoi.Core.Tracking;

/// <summary>
/// Answers a tracked URL: reads the token, finds the link row (kept in memory once read: rows never
/// change), hands the click to the write-behind queue and returns the link. Null means "not ours":
/// a tampered or unknown token, or one whose fields disagree with the row.
/// </summary>
public sealed class ClickTracking(TrackingTokens tokens, ILinkStore links, BotClassifier bots, TrackingRecorder recorder)
{
    private const int CacheLimit = 200_000;
    private readonly ConcurrentDictionary<long, TrackedLink> _cache = new();

    public async ValueTask<TrackedLink?> FollowAsync(string token, LinkKind kind, ClickRequest request, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } read) return null;
        var link = await FindAsync(read.LinkId, ct);
        if (link is null || link.Kind != kind || link.MessageId != read.MessageId || link.EmployeeId != read.EmployeeId
            || link.CampaignId != read.CampaignId || link.Signature != read.Signature) return null;
        recorder.Clicks.Post(Click.Of(link, request.At, bots.Reason(request, link.CreatedAt)));
        return link;
    }

    private async ValueTask<TrackedLink?> FindAsync(long id, CancellationToken ct)
    {
        if (_cache.TryGetValue(id, out var cached)) return cached;
        var link = await links.FindAsync(id, ct);
        if (link is null) return null;
        // A crude bound: old links are clicked rarely, and a miss costs one indexed read.
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache[id] = link;
        return link;
    }
}
