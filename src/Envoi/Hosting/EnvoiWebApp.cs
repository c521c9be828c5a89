using Envoi.Web.Localization;
using Envoi.Data;
using Envoi.Mail.Accept;
using Envoi.Mail.Dkim;
using Envoi.Mail.Scheduling;
using Envoi.Mail.Spool;
using Envoi.Web.Addin;
using Envoi.Web.ApiDescription;
using Envoi.Web.Auth;
using Envoi.Web.Checks;
using Envoi.Web.Capture;
using Envoi.Web.Storage;
using Envoi.Web.Console;
using Envoi.Web.Directory;
using Envoi.Web.Green;
using Envoi.Web.Observability;
using Envoi.Web.Outbox;
using Envoi.Web.Signatures;
using Envoi.Web.Campaigns;
using Envoi.Web.Tracking;
using Envoi.Web.Scim;
using Envoi.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Envoi.Hosting;

/// <summary><c>envoi serve</c>: SMTP listener, release scheduler and HTTP endpoints in one process.</summary>
public static class EnvoiWebApp
{
    /// <param name="services">Extra registrations (tests add message stages this way).</param>
    public static async Task<WebApplication> CreateAsync(EnvoiSettings settings, IConfiguration configuration, CancellationToken ct = default, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.WebHost.UseUrls($"http://{settings.Http.Listen}");
        builder.Services.AddEnvoi(settings);
        builder.Services.AddSingleton<SmtpListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SmtpListener>());
        builder.Services.AddHostedService<ReleaseScheduler>();
        builder.Services.AddHostedService<SpoolJanitor>();
        builder.Services.AddHostedService<FreeSpaceWatch>();
        builder.Services.AddAuthentication(ApiTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddEnvoiConsole(secureCookies: settings.Http.PublicBaseUrl?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true);
        builder.Services.AddConsoleLanguages();
        builder.Services.AddOutlookAddin(new AddinSite(settings.Addin, settings.Http.PublicBaseUrl));
        builder.Services.AddEnvoiOpenApi();
        builder.Services.AddSingleton(sp => new ServerFacts(
            settings.Upstream.IsConfigured && Uri.TryCreate(settings.Upstream.Url, UriKind.Absolute, out var upstream)
                ? $"{upstream.Scheme}://{upstream.Host}:{upstream.Port}" // never the credentials
                : $"none: mail is captured in {Path.Combine(settings.DataDirectory, "captured")}",
            settings.Smtp.Listen, settings.Http.PublicBaseUrl,
            () => sp.GetRequiredService<DkimKeyStore>().List().Select(k => new DkimKeyFact(k.Domain, k.Selector, k.Description, k.TxtRecord)).ToList()));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        // Before anything listens: schema up to date, unacknowledged spool files gone.
        await app.Services.GetRequiredService<EnvoiDbFactory>().MigrateAsync(ct);
        await app.Services.GetRequiredService<SpoolRecovery>().RecoverAsync(ct);

        // Tracked links first: anonymous, and the most frequent request by far (see TrackedLinkMiddleware).
        app.UseTrackedLinks();
        app.UseRouting();
        app.UseCors(); // only endpoints that ask for a policy (the Outlook add-in's) answer CORS
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseConsoleLanguages();
        app.MapOpenApi();
        app.MapHealthAndMetrics();
        app.MapOutboxApi();
        app.MapCapturedApi();
        app.MapStorageApi();
        app.MapMyAttributesApi();
        app.MapDirectoryAdminApi();
        app.MapGroupsAdminApi();
        app.MapUsersApi();
        app.MapScimApi();
        app.MapConfirmationPages();
        app.MapSignaturesAdminApi();
        app.MapMySignaturesApi();
        app.MapPublicSignatureFiles();
        app.MapEnvoiConsole();
        app.MapGreenApi();
        app.MapCampaignsApi();
        app.MapStatisticsApi();
        app.MapChecksApi();
        app.MapOutlookAddin();
        return app;
    }

    /// <summary>The HTTP address Kestrel really bound (the port is chosen by the OS when 0 was asked).</summary>
    public static Uri HttpAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
