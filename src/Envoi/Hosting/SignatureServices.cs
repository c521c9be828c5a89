using Envoi.Core.Addresses;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Envoi.Data.Signatures;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>Templates, rules and who gets which signature; images; previews and the add-in's picker. The stage is in <see cref="GatewayPipeline"/>.</summary>
public static class SignatureServices
{
    public static IServiceCollection AddSignatures(this IServiceCollection services, EnvoiSettings settings)
    {
        services.AddSingleton(settings.Signatures);
        services.AddSingleton(new OrganizationDomains(settings.Signatures.InternalDomains.Count > 0 ? settings.Signatures.InternalDomains : settings.Checks.InternalDomains));
        services.AddSingleton<ISignatureStore, SignatureStore>();
        services.AddSingleton<SignatureResolver>();
        services.AddSingleton<SignatureAdministration>();
        services.AddSingleton<ISignatureAssetStore, SignatureAssetStore>();
        services.AddSingleton<ISignatureAssets>(sp => sp.GetRequiredService<ISignatureAssetStore>());
        services.AddSingleton<SignatureRenderer>();
        services.AddSingleton<TemplateValidator>();
        // The directory import warns when a field the templates use is empty.
        services.AddSingleton<Envoi.Core.Directory.Import.IAttributesInUse, TemplateAttributesInUse>();
        services.AddSingleton<VCardLinks>();
        services.AddSingleton<SignatureComposer>();
        services.AddSingleton<SignaturePreview>();
        services.AddSingleton<SignatureOffers>();
        // Recipients needing different signatures get separate copies (MessageProcessor asks before the stages run).
        services.AddSingleton<IRecipientPartitioner, SignaturePartitioner>();
        return services;
    }
}
