using Envoi.Core;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using Envoi.Data.Queue;
using Envoi.Mail.Accept;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>The send-safety checks (their list is <c>CheckList</c>), the gate at end of DATA, drafts from the add-in, signed confirmation links.</summary>
public static class SendSafetyServices
{
    public static IServiceCollection AddSendSafety(this IServiceCollection services, EnvoiSettings settings, string dataDirectory)
    {
        services.AddSingleton(settings.Checks);
        services.AddSingleton<IMailHistory, MailHistory>();
        services.AddSingleton<ISignatureCoverage, SignatureCoverage>();
        services.AddSingleton(sp => new SendSafetyChecks(settings.Checks,
            CheckList.Create(settings.Checks, sp.GetRequiredService<IMailHistory>(), sp.GetRequiredService<ISignatureCoverage>())));
        services.AddSingleton<SenderProfiles>();
        services.AddSingleton<DraftChecks>();
        services.AddSingleton<SendSafetyGate>();
        services.AddSingleton<ISharedSecrets, Envoi.Data.Secrets.SharedSecretStore>();
        services.AddSingleton(sp => new LinkSigningKey(sp.GetRequiredService<ISharedSecrets>(), dataDirectory, settings.Http.PublicBaseUrl ?? $"http://{settings.Http.Listen}"));
        services.AddSingleton<ConfirmationLinks>();
        return services;
    }
}
