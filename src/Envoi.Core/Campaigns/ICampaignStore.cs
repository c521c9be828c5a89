namespace Envoi.Core.Campaigns;

public interface ICampaignStore
{
    Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct);

    Task<Campaign?> FindAsync(string name, CancellationToken ct);

    /// <summary>Campaigns not paused whose period contains <paramref name="at"/>, oldest first.</summary>
    Task<IReadOnlyList<Campaign>> RunningAsync(DateTimeOffset at, CancellationToken ct);

    /// <summary>Creates or replaces by name; returns the campaign with its id.</summary>
    Task<Campaign> SaveAsync(Campaign campaign, CancellationToken ct);

    Task<bool> SetPausedAsync(string name, bool paused, CancellationToken ct);
}
