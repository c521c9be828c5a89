using Envoi.Mail.Accept;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Envoi.Hosting;

/// <summary>What answers SMTP: acceptance of a message, AUTH throttling, the TLS certificate.</summary>
public static class AcceptServices
{
    public static IServiceCollection AddAccept(this IServiceCollection services, EnvoiSettings settings, string dataDirectory)
    {
        services.AddSingleton(settings.Smtp);
        services.AddSingleton<MessageAcceptor>();
        services.AddSingleton<AuthThrottle>();
        services.AddSingleton(sp => new CertificateProvider(settings.Smtp, dataDirectory, settings.HostName, sp.GetRequiredService<ILogger<CertificateProvider>>()));
        return services;
    }
}
