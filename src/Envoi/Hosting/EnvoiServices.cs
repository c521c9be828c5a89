using Envoi.Core;
using Envoi.Core.Capture;
using Envoi.Core.Checks;
using Envoi.Core.Signatures;
using Envoi.Core.Storage;
using Envoi.Core.Signatures.Templates;
using Envoi.Data.Signatures;
using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Core.Outbox;
using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
using Envoi.Core.Users;
using Envoi.Data;
using Envoi.Data.Directory;
using Envoi.Data.Queue;
using Envoi.Data.Users;
using Envoi.Mail.Accept;
using Envoi.Mail.Deliver;
using Envoi.Mail.Dkim;
using Envoi.Mail.Scheduling;
using Envoi.Mail.Spool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Envoi.Hosting;

/// <summary>The object graph shared by <c>envoi serve</c> and the administrative verbs.</summary>
public static class EnvoiServices
{
    public static IServiceCollection AddEnvoi(this IServiceCollection services, EnvoiSettings settings)
    {
        var dataDirectory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings.Smtp);
        services.AddSingleton(settings.Hold);
        services.AddSingleton(settings.Queue);
        services.AddSingleton(settings.Upstream);
        services.AddSingleton(settings.Checks);
        services.AddSingleton(settings.Signatures);
        services.AddSingleton(new GatewayIdentity(settings.HostName, settings.Postmaster ?? $"postmaster@{settings.HostName}"));

        // Storage
        services.AddSingleton(DatabaseTarget.Resolve(settings.Database, dataDirectory));
        services.AddSingleton<EnvoiDbFactory>();
        services.AddSingleton<IQueueStore, QueueStore>();
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<IDirectoryStore, DirectoryStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IServiceTokenStore, ServiceTokenStore>();
        services.AddSpool(settings, dataDirectory); // file, database or shared directory: SpoolServices
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<QueueWriter>();
        services.AddSingleton<IMessageInjector, MessageInjector>();
        // Data lifecycle: the retention purge and the size of each store
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<IStorageProbe, Envoi.Data.Storage.DatabaseStorageProbe>();
        services.AddSingleton<IStorageProbe>(new FolderStorageProbe("spool", Path.GetFullPath(settings.Spool.Directory ?? Path.Combine(dataDirectory, "spool"))));
        services.AddSingleton<IStorageProbe>(new FolderStorageProbe("captured mail", Path.Combine(dataDirectory, "captured")));
        services.AddSingleton<StorageSurvey>();

        // Domain
        services.AddSingleton<HoldPolicy>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<CancelledMessageReturner>();
        services.AddSingleton<OutboxService>();
        services.AddSingleton<AttributeCatalog>();
        services.AddSingleton<DirectoryService>();
        services.AddSingleton<DirectoryImport>();
        services.AddSingleton<DirectoryProvisioning>();
        services.AddSingleton<DirectoryExport>();
        services.AddSingleton(new CapturedMail(dataDirectory));
        services.AddSingleton<IMessageStage, RemoveEnvoiHeadersStage>();
        services.AddSingleton(settings.Dkim);
        services.AddSingleton(new DkimKeyStore(dataDirectory));
        services.AddSingleton<DkimKeyring>();
        services.AddSingleton<IMessageStage, DkimStage>();
        services.AddSingleton<MessagePipeline>();

        // Signatures
        services.AddSingleton<ISignatureStore, SignatureStore>();
        services.AddSingleton<SignatureResolver>();
        services.AddSingleton<SignatureAdministration>();
        services.AddSingleton<ISignatureAssetStore, SignatureAssetStore>();
        services.AddSingleton<ISignatureAssets>(sp => sp.GetRequiredService<ISignatureAssetStore>());
        services.AddSingleton<SignatureRenderer>();
        services.AddSingleton<TemplateValidator>();
        services.AddSingleton<IAttributesInUse, TemplateAttributesInUse>();
        services.AddSingleton<VCardLinks>();
        services.AddSingleton<SignatureComposer>();
        services.AddSingleton<SignaturePreview>();
        services.AddSingleton<SignatureOffers>();
        services.AddSingleton<IMessageStage, SignatureStage>();
        services.AddSingleton<IRecipientPartitioner, SignaturePartitioner>();
        services.AddSingleton<ISignatureCoverage, SignatureCoverage>();

        // Green IT: image optimization, traffic counters, weight budget and brand lint, the report
        services.AddSingleton(settings.Green);
        services.AddSingleton<Envoi.Core.Green.Images.IAssetOriginals, Envoi.Data.Signatures.AssetOriginalStore>();
        services.AddSingleton<Envoi.Core.Green.Images.SignatureImages>();
        services.AddSingleton<Envoi.Core.Green.Traffic.ISignatureTraffic, Envoi.Data.Green.SignatureTrafficStore>();
        services.AddSingleton<Envoi.Core.Green.Traffic.SignatureTrafficRecorder>();
        services.AddSingleton<Envoi.Core.Green.Lint.TemplateBudget>();
        services.AddSingleton<Envoi.Core.Green.Report.GreenReportBuilder>();
        // Campaigns, tracked links and statistics
        services.AddCampaignsAndTracking(settings, dataDirectory);

        // Delivery
        services.AddSingleton<IDeliveryTarget>(sp => settings.Upstream.IsConfigured
            ? new SmtpRelayTarget(settings.Upstream, sp.GetRequiredService<ILogger<SmtpRelayTarget>>())
            : new CaptureTarget(sp.GetRequiredService<CapturedMail>()));
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<MessageProcessor>();
        services.AddSingleton(new NodeIdentity(dataDirectory));

        // Send safety
        services.AddSingleton<IMailHistory, MailHistory>();
        services.AddSingleton<SendSafetyChecks>();
        services.AddSingleton<SenderProfiles>();
        services.AddSingleton<DraftChecks>();
        services.AddSingleton<SendSafetyGate>();
        services.AddSingleton<ISharedSecrets, Envoi.Data.Secrets.SharedSecretStore>();
        services.AddSingleton(sp => new LinkSigningKey(sp.GetRequiredService<ISharedSecrets>(), dataDirectory, settings.Http.PublicBaseUrl ?? $"http://{settings.Http.Listen}"));
        services.AddSingleton<ConfirmationLinks>();

        // Accept
        services.AddSingleton<MessageAcceptor>();
        services.AddSingleton<AuthThrottle>();
        services.AddSingleton(sp => new CertificateProvider(settings.Smtp, dataDirectory, settings.HostName, sp.GetRequiredService<ILogger<CertificateProvider>>()));
        return services;
    }
}
