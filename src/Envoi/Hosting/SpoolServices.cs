using Envoi.Core.Queue;
using Envoi.Data;
using Envoi.Data.Queue;
using Envoi.Mail.Spool;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>
/// Chooses where message bodies live: in the database on PostgreSQL (so several nodes sharing it
/// can each relay, cancel or return any message), in <c>DATA/spool</c> on SQLite, or in the
/// directory <c>Spool:Directory</c> names (one directory shared by every node).
/// </summary>
public static class SpoolServices
{
    public static IServiceCollection AddSpool(this IServiceCollection services, EnvoiSettings settings, string dataDirectory)
    {
        var options = settings.Spool;
        services.AddSingleton(options);
        var postgres = DatabaseTarget.Resolve(settings.Database, dataDirectory).Provider == DatabaseProvider.Postgres;
        if (options.UsesDatabase(postgres))
        {
            if (!postgres) throw new ArgumentException("Spool:Store=database needs PostgreSQL (--database postgres://…); SQLite keeps bodies in files.");
            services.AddSingleton<DatabaseSpool>();
            services.AddSingleton<IMessageSpool>(sp => sp.GetRequiredService<DatabaseSpool>());
            services.AddSingleton<IBodyWriter, DatabaseBodyWriter>();
        }
        else
        {
            services.AddSingleton(new FileSpool(dataDirectory, options.Directory));
            services.AddSingleton<IMessageSpool>(sp => sp.GetRequiredService<FileSpool>());
            services.AddSingleton<IBodyWriter, FileBodyWriter>();
        }
        services.AddSingleton<SpoolRecovery>();
        // The spool's file system and the data directory's (SQLite, captured mail) are both watched.
        var spoolDirectory = options.UsesDatabase(postgres) ? dataDirectory : options.Directory ?? Path.Combine(dataDirectory, "spool");
        services.AddSingleton(sp => new FreeSpaceGuard([spoolDirectory, dataDirectory], options, settings.Smtp.MaxMessageBytes,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FreeSpaceGuard>>()));
        services.AddSingleton<Envoi.Core.Observability.IStorageHealth>(sp => sp.GetRequiredService<FreeSpaceGuard>());
        return services;
    }
}
