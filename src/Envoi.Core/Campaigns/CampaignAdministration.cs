using Envoi.Core.Directory;
using Envoi.Core.Signatures;

namespace Envoi.Core.Campaigns;

/// <summary>Creating, pausing and resuming campaigns, validated and audited the same way from the API and the CLI.</summary>
public sealed class CampaignAdministration(ICampaignStore store, ISignatureAssetStore assets, IAuditLog audit, TimeProvider clock)
{
    public async Task<(Campaign? Saved, IReadOnlyList<string> Problems)> SaveAsync(string actor, Campaign campaign, CancellationToken ct)
    {
        var images = (await assets.ListAsync(ct)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var problems = CampaignValidator.Problems(campaign, images);
        if (problems.Count > 0) return (null, problems);
        var before = await store.FindAsync(campaign.Name, ct);
        var saved = await store.SaveAsync(campaign, ct);
        await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, "campaign.save", campaign.Name,
            $"{campaign.Schedule.Start:yyyy-MM-dd HH:mm} – {campaign.Schedule.End:yyyy-MM-dd HH:mm} {campaign.Schedule.TimeZone}, {campaign.Banners.Count} banner(s)",
            AuditSnapshot.Of(before), AuditSnapshot.Of(saved))], ct);
        return (saved, []);
    }

    /// <returns>False when there is no such campaign.</returns>
    public async Task<bool> SetPausedAsync(string actor, string name, bool paused, CancellationToken ct)
    {
        if (!await store.SetPausedAsync(name, paused, ct)) return false;
        await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, paused ? "campaign.pause" : "campaign.resume", name, "",
            AuditSnapshot.Of(new { paused = !paused }), AuditSnapshot.Of(new { paused }))], ct);
        return true;
    }
}
