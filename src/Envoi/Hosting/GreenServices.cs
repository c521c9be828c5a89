using Envoi.Core.Green.Images;
using Envoi.Core.Green.Lint;
using Envoi.Core.Green.Report;
using Envoi.Core.Green.Traffic;
using Envoi.Data.Green;
using Envoi.Core.Signatures.Templates;
using Envoi.Data.Signatures;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>Green IT: image optimization, traffic counters, the weight budget and brand lint, the CO2 report.</summary>
public static class GreenServices
{
    public static IServiceCollection AddGreen(this IServiceCollection services, EnvoiSettings settings)
    {
        services.AddSingleton(settings.Green);
        services.AddSingleton(settings.Green.Images);
        services.AddSingleton<IAssetOriginals, AssetOriginalStore>();
        services.AddSingleton<SignatureImages>();
        services.AddSingleton<ISignatureTraffic, SignatureTrafficStore>();
        services.AddSingleton<SignatureTrafficRecorder>();
        services.AddSingleton<TemplateBudget>();
        services.AddSingleton<ITemplateAdvice>(sp => sp.GetRequiredService<TemplateBudget>());
        services.AddSingleton<GreenReportBuilder>();
        return services;
    }
}
