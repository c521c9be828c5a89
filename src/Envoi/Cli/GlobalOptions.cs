using System.CommandLine;
using Envoi.Data;
using Envoi.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Envoi.Cli;

/// <summary>Options every verb takes, and the service graph the administrative verbs run on.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (database, spool, captured mail). Default ./data or ENVOI_DATA.",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "postgres://user:password@host:port/db or a connection string. Default: SQLite in the data directory.",
        Recursive = true,
    };

    public static EnvoiSettings Settings(ParseResult parse) =>
        SettingsLoader.Load(parse.GetValue(Data), parse.GetValue(Database)).Settings;

    /// <summary>Builds the services for a one-shot verb, with the schema migrated.</summary>
    public static async Task<ServiceProvider> ServicesAsync(ParseResult parse, CancellationToken ct)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddEnvoi(Settings(parse))
            .BuildServiceProvider();
        await services.GetRequiredService<EnvoiDbFactory>().MigrateAsync(ct);
        return services;
    }
}
