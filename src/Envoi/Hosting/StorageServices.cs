using Envoi.Core.Directory;
using Envoi.Core.Queue;
using Envoi.Core.Storage;
using Envoi.Core.Users;
using Envoi.Data;
using Envoi.Data.Directory;
using Envoi.Data.Queue;
using Envoi.Data.Users;
using Envoi.Mail.Spool;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>The database, the queue and the spool, and the data lifecycle (retention, the size of each store).</summary>
public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, EnvoiSettings settings, string dataDirectory)
    {
        services.AddSingleton(DatabaseTarget.Resolve(settings.Database, dataDirectory));
        services.AddSingleton<EnvoiDbFactory>();
        services.AddSingleton(settings.Queue);
        services.AddSingleton<IQueueStore, QueueStore>();
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<IDirectoryStore, DirectoryStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IServiceTokenStore, ServiceTokenStore>();
        services.AddSpool(settings, dataDirectory); // file, database or shared directory: SpoolServices
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<QueueWriter>();
        services.AddSingleton<IMessageInjector, MessageInjector>();

        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<IStorageProbe, Envoi.Data.Storage.DatabaseStorageProbe>();
        services.AddSingleton<IStorageProbe>(new FolderStorageProbe("spool", Path.GetFullPath(settings.Spool.Directory ?? Path.Combine(dataDirectory, "spool"))));
        services.AddSingleton<IStorageProbe>(new FolderStorageProbe("captured mail", Path.Combine(dataDirectory, "captured")));
        services.AddSingleton<StorageSurvey>();
        return services;
    }
}
