namespace Envoi.Core.Tracking;

public enum LinkKind
{
    /// <summary>A link in a signature or banner, answered by <c>/c/TOKEN</c> with a redirect.</summary>
    Click = 0,
    /// <summary>A banner image, served by <c>/i/TOKEN</c>; <see cref="TrackedLink.Url"/> is the image's asset name.</summary>
    Image = 1,
}

/// <summary>A link as it was mailed in one message: the link table row a token points to.</summary>
public sealed record TrackedLink(long Id, string MessageId, int EmployeeId, string Signature, int CampaignId, LinkKind Kind, string Url, long TargetId, DateTimeOffset CreatedAt);

/// <summary>A link to record for one message; the same (message, signature, kind, URL) always gets the same row.</summary>
public sealed record NewLink(string MessageId, int EmployeeId, string Signature, int CampaignId, LinkKind Kind, string Url);

public interface ILinkStore
{
    /// <summary>The id of each link's row, created when missing, in the order given.</summary>
    Task<IReadOnlyList<long>> EnsureAsync(IReadOnlyList<NewLink> links, DateTimeOffset at, CancellationToken ct);

    Task<TrackedLink?> FindAsync(long id, CancellationToken ct);
}
