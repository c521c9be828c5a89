using Envoi.Core;
using Envoi.Core.Campaigns;
using Envoi.Core.Tracking;
using Envoi.Core.Tracking.Statistics;
using Envoi.Data.Campaigns;
using Envoi.Data.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>Campaigns, tracked links and statistics: their stores and services (their stages are in <see cref="GatewayPipeline"/>).</summary>
public static class TrackingServices
{
    public static IServiceCollection AddCampaignsAndTracking(this IServiceCollection services, EnvoiSettings settings, string dataDirectory)
    {
        services.AddSingleton(settings.Tracking);
        services.AddSingleton<ICampaignStore, CampaignStore>();
        services.AddSingleton<CampaignSelector>();
        services.AddSingleton<CampaignAdministration>();

        // Keys in the database: a link mailed through any node is valid on every node.
        services.AddSingleton(sp => new TrackingKeyRing(dataDirectory, sp.GetRequiredService<ISharedSecrets>()));
        services.AddSingleton<TrackingTokens>();
        services.AddSingleton<ILinkStore, LinkStore>();
        services.AddSingleton<ITrackingStore, TrackingStore>();
        // Disposed after the web server has stopped: the clicks still queued are written then.
        services.AddSingleton<TrackingRecorder>();
        services.AddSingleton<BotClassifier>();
        services.AddSingleton<ClickTracking>();

        services.AddSingleton<IStatisticsStore, StatisticsStore>();
        services.AddSingleton<StatisticsService>();
        return services;
    }
}
