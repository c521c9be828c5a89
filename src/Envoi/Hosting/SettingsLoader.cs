using Microsoft.Extensions.Configuration;

namespace Envoi.Hosting;

/// <summary>Reads configuration in precedence order; command-line options are applied on top by each verb.</summary>
public static class SettingsLoader
{
    public static (EnvoiSettings Settings, IConfiguration Configuration) Load(string? dataDirectory, string? database)
    {
        var data = dataDirectory ?? Environment.GetEnvironmentVariable("ENVOI_DATA") ?? "data";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true) // shipped defaults (log levels)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.GetFullPath(Path.Combine(data, "appsettings.json")), optional: true)
            .AddEnvironmentVariables("ENVOI_")
            .Build();
        var settings = new EnvoiSettings();
        configuration.Bind(settings);
        settings.DataDirectory = data;
        if (!string.IsNullOrWhiteSpace(database)) settings.Database = database;
        return (settings, configuration);
    }
}
