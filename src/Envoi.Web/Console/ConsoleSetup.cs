using System.Security.Claims;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Web.Console;

/// <summary>
/// The web console: Razor Pages under <c>/portal</c> (every employee) and <c>/admin</c>
/// (administrators), signed in with a cookie. The REST API keeps its bearer tokens; pages never
/// accept them, and the API never accepts the cookie, so a page cannot be driven by a script
/// holding a token and a cross-site form cannot reach the API.
/// </summary>
public static class ConsoleSetup
{
    public const string PortalPolicy = "portal";
    public const string AdminPolicy = "admin";
    public const string MarketingPolicy = "marketing";

    public static IServiceCollection AddEnvoiConsole(this IServiceCollection services, bool secureCookies)
    {
        services.AddAuthentication()
            .AddCookie(ConsoleCookie.Scheme, o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "envoi";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Behind TLS (a public base URL with https) the cookie never travels in clear text.
                o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ConsoleSession.RevalidateAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicy, p => p.AddAuthenticationSchemes(ConsoleCookie.Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(ConsoleCookie.Scheme).RequireRole(ApiTokenAuthentication.AdminRole))
            .AddPolicy(MarketingPolicy, p => p.AddAuthenticationSchemes(ConsoleCookie.Scheme).RequireRole(ApiTokenAuthentication.AdminRole, UserClaims.MarketingRole));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Portal", PortalPolicy);
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            o.Conventions.AuthorizeFolder("/Marketing", MarketingPolicy);
        }).AddApplicationPart(typeof(ConsoleSetup).Assembly);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ConsolePreviews>();
        services.AddSingleton<ImportJobs>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnvoiConsole(this WebApplication app)
    {
        app.UseWhen(c => IsPage(c.Request.Path) && !c.Request.Path.StartsWithSegments("/console/preview"), branch => branch.Use(async (context, next) =>
        {
            // Pages run no inline script and load nothing from elsewhere; signature previews live in
            // a sandboxed frame with its own, stricter policy (ConsolePreview).
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            await next();
        }));
        app.MapGet("/console/site.css", () => Results.Text(ConsoleAssets.Css, "text/css")).ExcludeFromDescription();
        app.MapGet("/console/site.js", () => Results.Text(ConsoleAssets.Script, "text/javascript")).ExcludeFromDescription();
        app.MapGet("/", (ClaimsPrincipal user) => Results.Redirect("/portal")).ExcludeFromDescription();
        ConsolePreviews.Map(app);
        app.MapRazorPages();
        return app;
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/scim") && !path.StartsWithSegments("/assets")
        && !path.StartsWithSegments("/metrics") && !path.StartsWithSegments("/healthz")
        && !path.StartsWithSegments("/addin"); // the Outlook add-in sets its own policy (AddinEndpoints)
}
