using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Hosting;

/// <summary>Envoi's users (accounts, roles, tokens) and the employee directory (attributes, import, provisioning).</summary>
public static class DirectoryServices
{
    public static IServiceCollection AddUsersAndDirectory(this IServiceCollection services)
    {
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<AttributeCatalog>();
        services.AddSingleton<DirectoryService>();
        services.AddSingleton<DirectoryImport>();
        services.AddSingleton<DirectoryProvisioning>();
        services.AddSingleton<DirectoryExport>();
        return services;
    }
}
