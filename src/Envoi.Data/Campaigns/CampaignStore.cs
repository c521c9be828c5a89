using System.Text.Json;
using Envoi.Core.Campaigns;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Campaigns;

public sealed class CampaignStore(EnvoiDbFactory factory, TimeProvider clock) : ICampaignStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return rows.Select(ToCampaign).ToList();
    }

    public async Task<Campaign?> FindAsync(string name, CancellationToken ct)
    {
        await using var db = factory.Create();
        var row = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, ct);
        return row is null ? null : ToCampaign(row);
    }

    public async Task<IReadOnlyList<Campaign>> RunningAsync(DateTimeOffset at, CancellationToken ct)
    {
        var ms = at.ToUnixTimeMilliseconds();
        await using var db = factory.Create();
        var rows = await db.Campaigns.AsNoTracking().Where(c => !c.Paused && c.StartsAt <= ms && c.EndsAt > ms).OrderBy(c => c.Id).ToListAsync(ct);
        return rows.Select(ToCampaign).ToList();
    }

    public async Task<Campaign> SaveAsync(Campaign campaign, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var row = await db.Campaigns.FirstOrDefaultAsync(c => c.Name == campaign.Name, ct);
        if (row is null) db.Campaigns.Add(row = new CampaignRow { Name = campaign.Name, Json = "" });
        row.Paused = campaign.Paused;
        row.StartsAt = campaign.Schedule.StartUtc.ToUnixTimeMilliseconds();
        row.EndsAt = campaign.Schedule.EndUtc.ToUnixTimeMilliseconds();
        row.Json = JsonSerializer.Serialize(campaign with { Id = 0 }, Json);
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        return campaign with { Id = row.Id };
    }

    public async Task<bool> SetPausedAsync(string name, bool paused, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var row = await db.Campaigns.FirstOrDefaultAsync(c => c.Name == name, ct);
        if (row is null) return false;
        row.Paused = paused;
        row.Json = JsonSerializer.Serialize(ToCampaign(row) with { Paused = paused, Id = 0 }, Json);
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Campaign ToCampaign(CampaignRow row) =>
        JsonSerializer.Deserialize<Campaign>(row.Json, Json)! with { Id = row.Id, Paused = row.Paused };
}
