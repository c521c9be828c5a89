using Envoi.Core.Capture;
using Envoi.Mail.Deliver;
using Envoi.Mail.Dkim;
using Envoi.Mail.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Envoi.Hosting;

/// <summary>From a claimed message to the upstream (or captured mail without one): the processor, DKIM keys, the node's identity.</summary>
public static class DeliveryServices
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, EnvoiSettings settings, string dataDirectory)
    {
        services.AddSingleton(settings.Upstream);
        services.AddSingleton(new CapturedMail(dataDirectory));
        services.AddSingleton<IDeliveryTarget>(sp => settings.Upstream.IsConfigured
            ? new SmtpRelayTarget(settings.Upstream, sp.GetRequiredService<ILogger<SmtpRelayTarget>>())
            : new CaptureTarget(sp.GetRequiredService<CapturedMail>()));
        services.AddSingleton(settings.Dkim);
        services.AddSingleton(new DkimKeyStore(dataDirectory));
        services.AddSingleton<DkimKeyring>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<MessageProcessor>();
        services.AddSingleton(new NodeIdentity(dataDirectory));
        return services;
    }
}
