using System.Collections.Concurrent;

namespace Envoi.Core.Tracking;

/// <summary>
/// Answers a tracked URL: reads the token, finds the link row (kept in memory once read: rows never
/// change), hands the click to the write-behind queue and returns the link. Null means "not ours":
/// a tampered or unknown token, or one whose fields disagree with the row.
/// <para>
/// Every click of every recipient comes through here, so a link already in memory is answered
/// synchronously and without allocating beyond the click itself; only a link not read yet awaits
/// the database.
/// </para>
/// </summary>
public sealed class ClickTracking(TrackingTokens tokens, ILinkStore links, BotClassifier bots, TrackingRecorder recorder)
{
    private const int CacheLimit = 200_000;
    private readonly ConcurrentDictionary<long, TrackedLink> _cache = new();

    private enum Verdict { NotOurs, Found, NotLoaded }

    public ValueTask<TrackedLink?> FollowAsync(ReadOnlyMemory<char> token, LinkKind kind, ClickRequest request, CancellationToken ct)
    {
        var verdict = Check(token.Span, kind, null, out var link, out var linkId);
        if (verdict == Verdict.Found) return new(Record(link!, request));
        return verdict == Verdict.NotOurs ? new((TrackedLink?)null) : LoadThenFollowAsync(token, kind, request, linkId, ct);
    }

    /// <summary>
    /// The MAC is checked before the database is asked: a forged token costs no query. The row is
    /// <paramref name="loaded"/> if given, else the cached one.
    /// </summary>
    private Verdict Check(ReadOnlySpan<char> token, LinkKind kind, TrackedLink? loaded, out TrackedLink? link, out long linkId)
    {
        link = null;
        linkId = 0;
        if (!tokens.TryRead(token, stackalloc byte[TrackingTokens.MaxLength], out var fields)) return Verdict.NotOurs;
        linkId = fields.LinkId;
        var row = loaded;
        if (row is null && !_cache.TryGetValue(fields.LinkId, out row)) return Verdict.NotLoaded;
        if (row.Kind != kind || !fields.Describes(row)) return Verdict.NotOurs;
        link = row;
        return Verdict.Found;
    }

    private async ValueTask<TrackedLink?> LoadThenFollowAsync(ReadOnlyMemory<char> token, LinkKind kind, ClickRequest request, long linkId, CancellationToken ct)
    {
        var loaded = await links.FindAsync(linkId, ct);
        if (loaded is null) return null;
        // A crude bound: old links are clicked rarely, and a miss costs one indexed read.
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache[linkId] = loaded;
        return Check(token.Span, kind, loaded, out var link, out _) == Verdict.Found ? Record(link!, request) : null;
    }

    private TrackedLink Record(TrackedLink link, ClickRequest request)
    {
        recorder.Clicks.Post(Click.Of(link, request.At, bots.Reason(request, link.CreatedAt)));
        return link;
    }
}
