using System.Globalization;
using Envoi.Core.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Envoi.Web.Auth;

namespace Envoi.Web.Localization;

/// <summary>
/// Which language a console page speaks: the signed-in employee's <c>preferredLanguage</c> from
/// the directory (as the check notices and bounces choose theirs), else the browser's
/// Accept-Language, else English.
/// </summary>
public static class ConsoleLanguages
{
    public static readonly string[] Supported = ["en", "fr"];

    public static IServiceCollection AddConsoleLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Only the directory preference and the browser: no query string or cookie provider.
            o.RequestCultureProviders = [new DirectoryLanguageProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Runs after authentication, so the provider sees who is signed in.</summary>
    public static IApplicationBuilder UseConsoleLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    private sealed class DirectoryLanguageProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext context)
        {
            // The console's cookie is not the default scheme (the API's tokens are): ask it directly.
            var user = context.User.Identity?.IsAuthenticated == true ? context.User
                : (await context.AuthenticateAsync(ConsoleCookie.Scheme)).Principal;
            if (user?.Email() is not { Length: > 0 } email) return null;
            var directory = context.RequestServices.GetRequiredService<IDirectoryStore>();
            var employee = await directory.FindAsync(email, context.RequestAborted);
            // "fr-CA" or "fr" both mean French; an unsupported language falls through to the browser's.
            var language = employee?[StandardAttributes.PreferredLanguage]?.Split('-', '_')[0].ToLowerInvariant();
            return language is not null && Supported.Contains(language) ? new ProviderCultureResult(language) : null;
        }
    }
}
