namespace Envoi.Core.Tracking;

/// <summary>
/// One recorded click or image load. The link's dimensions are copied onto it so the statistics
/// read one table; <see cref="AutomatedReason"/> is null for a person.
/// </summary>
public sealed record Click(long LinkId, long TargetId, string MessageId, int EmployeeId, string Signature, int CampaignId, LinkKind Kind, DateTimeOffset At, string? AutomatedReason)
{
    public static Click Of(TrackedLink link, DateTimeOffset at, string? automatedReason) =>
        new(link.Id, link.TargetId, link.MessageId, link.EmployeeId, link.Signature, link.CampaignId, link.Kind, at, automatedReason);
}

/// <summary>One signed copy of a message, for "messages signed" (a retried delivery is not counted twice).</summary>
public sealed record SignedMessage(string MessageId, int EmployeeId, string Signature, int CampaignId, DateTimeOffset At);

public interface ITrackingStore
{
    Task AddClicksAsync(IReadOnlyList<Click> clicks, CancellationToken ct);

    Task AddSignedAsync(IReadOnlyList<SignedMessage> signed, CancellationToken ct);
}
