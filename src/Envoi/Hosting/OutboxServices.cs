using Envoi.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>The undo-send window and the outbox (cancel, send now, reschedule, return a cancelled draft).</summary>
public static class OutboxServices
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, EnvoiSettings settings)
    {
        services.AddSingleton(settings.Hold);
        services.AddSingleton<HoldPolicy>();
        services.AddSingleton<CancelledMessageReturner>();
        services.AddSingleton<OutboxService>();
        return services;
    }
}
