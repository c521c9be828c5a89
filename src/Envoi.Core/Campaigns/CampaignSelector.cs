using Envoi.Core.Addresses;
using Envoi.Core.Directory;
using Envoi.Core.Signatures;

namespace Envoi.Core.Campaigns;

/// <summary>
/// Picks what fills a banner slot: the oldest running campaign that targets this sender and these
/// recipients, and one of its banners drawn by weight (so a 3:1 A/B test shows A three times as often).
/// </summary>
public sealed class CampaignSelector(ICampaignStore store, SignatureResolver resolver, TimeProvider clock)
{
    public async Task<(Campaign Campaign, Banner Banner)?> ChooseAsync(SignedCopy copy, CancellationToken ct)
    {
        var running = await store.RunningAsync(clock.GetUtcNow(), ct);
        foreach (var campaign in running)
            if (Targets(campaign.Targeting, copy)) return (campaign, Draw(campaign.Banners, Random.Shared.Next));
        return null;
    }

    private bool Targets(CampaignTargeting targeting, SignedCopy copy)
    {
        var values = copy.Sender.Values;
        if (targeting.Groups.Count > 0 && !targeting.Groups.Any(g => copy.Sender.Employee.Groups.Contains(g, StringComparer.OrdinalIgnoreCase))) return false;
        if (!Matches(targeting.Departments, values.GetValueOrDefault(StandardAttributes.Department))) return false;
        if (!Matches(targeting.Subsidiaries, values.GetValueOrDefault(StandardAttributes.Subsidiary))) return false;
        if (targeting.ExternalRecipientsOnly)
        {
            var internalDomains = resolver.InternalDomains(copy.Sender.Employee.Email);
            if (copy.Recipients.All(r => internalDomains.Contains(AddressSyntax.DomainOf(r)))) return false;
        }
        return true;
    }

    private static bool Matches(IReadOnlyList<string> wanted, string? value) =>
        wanted.Count == 0 || (value is not null && wanted.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <param name="next">Returns an integer in [0, max): the random source, replaceable in tests.</param>
    public static Banner Draw(IReadOnlyList<Banner> banners, Func<int, int> next)
    {
        var ticket = next(banners.Sum(b => b.Weight));
        foreach (var banner in banners)
        {
            if (ticket < banner.Weight) return banner;
            ticket -= banner.Weight;
        }
        return banners[^1];
    }
}
