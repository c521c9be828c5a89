using Envoi.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>
/// The object graph shared by <c>envoi serve</c> and the administrative verbs: the settings, then
/// one registration method per capability (each in its own file beside this one).
/// </summary>
public static class EnvoiServices
{
    public static IServiceCollection AddEnvoi(this IServiceCollection services, EnvoiSettings settings)
    {
        var dataDirectory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new GatewayIdentity(settings.HostName, settings.Postmaster ?? $"postmaster@{settings.HostName}"));

        return services
            .AddStorage(settings, dataDirectory)
            .AddUsersAndDirectory()
            .AddOutbox(settings)
            .AddSignatures(settings)
            .AddGreen(settings)
            .AddCampaignsAndTracking(settings, dataDirectory)
            .AddSendSafety(settings, dataDirectory)
            .AddAccept(settings, dataDirectory)
            .AddDelivery(settings, dataDirectory)
            .AddGatewayPipeline();
    }
}
