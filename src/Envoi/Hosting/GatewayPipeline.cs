using Envoi.Core.Campaigns;
using Envoi.Core.Green.Traffic;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Tracking;
using Envoi.Mail.Dkim;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>
/// What happens to a released message between the spool and the upstream, top to bottom. The
/// send-safety checks are not here: they run at end of DATA (<c>SendSafetyGate</c>), so a refusal
/// reaches the sender's client at once; what runs here can only add to a message that is leaving.
/// </summary>
public static class GatewayPipeline
{
    public static IServiceCollection AddGatewayPipeline(this IServiceCollection services)
    {
        services.AddSingleton<SignatureStage>();
        services.AddSingleton<SignatureTrafficStage>();
        services.AddSingleton<BannerStage>();
        services.AddSingleton<LinkTrackingStage>();
        services.AddSingleton<SignedMessageStage>();
        services.AddSingleton<RemoveEnvoiHeadersStage>();
        services.AddSingleton<DkimStage>();
        return services.AddSingleton(sp => new MessagePipeline(
        [
            // The sender's signature from the directory, above the quoted thread.
            sp.GetRequiredService<SignatureStage>(),
            // Green IT: the bytes the signature added, counted for the CO2 report.
            sp.GetRequiredService<SignatureTrafficStage>(),
            // The running campaign's banner, in the slot the signature left for it.
            sp.GetRequiredService<BannerStage>(),
            // Links of the signature and banner rewritten to tracked /c/ links: after both, so both are tracked.
            sp.GetRequiredService<LinkTrackingStage>(),
            // One "signed message" row for the statistics, once the signature and banner are known.
            sp.GetRequiredService<SignedMessageStage>(),
            // X-Envoi-* instructions from the client (chosen signature, send-at, confirm) never leave.
            sp.GetRequiredService<RemoveEnvoiHeadersStage>(),
            // Last: any change after signing (a footer, a rewritten link, a removed header) breaks the signature.
            sp.GetRequiredService<DkimStage>(),
        ]));
    }
}
