using Envoi.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Web.Addin;

/// <summary>
/// The Outlook add-in served by Envoi: <c>/addin/manifest.xml</c>, the files it names, the
/// administrator's settings, and the token revocation behind the add-in's "Sign out".
/// </summary>
public static class AddinEndpoints
{
    /// <summary>
    /// Classic Outlook on Windows runs the event handlers outside any page, so their requests are
    /// cross-origin: the API calls the add-in makes answer CORS with any origin. They carry a bearer
    /// token, never a cookie, so no origin gains anything a token holder did not already have.
    /// </summary>
    public const string CorsPolicy = "outlook-addin";

    public static IServiceCollection AddOutlookAddin(this IServiceCollection services, AddinSite site) =>
        services.AddSingleton(site).AddCors(o => o.AddPolicy(CorsPolicy, new CorsPolicyBuilder()
            .AllowAnyOrigin().WithHeaders("Authorization", "Content-Type").WithMethods("GET", "POST", "DELETE").Build()));

    public static IEndpointRouteBuilder MapOutlookAddin(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/addin"), branch => branch.Use(async (context, next) =>
        {
            // Office.js comes from Microsoft's CDN (add-ins must load it from there). The pane and the
            // event page are framed by Outlook on the web, so they set no frame-ancestors; the sign-in
            // dialog is a top-level window and refuses framing. Previews are sandboxed srcdoc frames
            // (no script) whose signatures carry inline styles.
            var framing = context.Request.Path.StartsWithSegments("/addin/signin") ? " frame-ancestors 'none';" : "";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; form-action 'self'; base-uri 'none';" + framing;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next();
        }));

        var group = app.MapGroup("/addin").WithTags("Outlook add-in");
        group.MapGet("/manifest.xml", (HttpRequest request, AddinSite site) =>
            Results.Text(AddinManifest.Build(site.Options, site.BaseUrl(request)), "application/xml; charset=utf-8"));
        group.MapGet("/settings.json", (AddinSite site) => Results.Ok(new AddinSettingsDto(site.Options.InsertSignature)))
            .RequireCors(CorsPolicy);
        group.MapGet("/icon-{size:int}.png", (int size) =>
            AddinIcons.Png(size) is { } png ? Results.File(png, "image/png") : Results.NotFound());
        group.MapGet("/{file}", (string file) =>
            AddinFiles.Find(file) is { } found ? Results.File(found.Bytes, found.ContentType) : Results.NotFound());

        app.MapDelete("/api/me/token", async (HttpRequest request, UserAccounts accounts, CancellationToken ct) =>
        {
            var header = request.Headers.Authorization.ToString();
            return await accounts.RevokeTokenAsync(header["Bearer ".Length..].Trim(), ct) ? Results.NoContent() : Results.NotFound();
        }).RequireAuthorization().RequireCors(CorsPolicy).WithTags("Outlook add-in");
        return app;
    }
}

/// <param name="InsertSignature"><c>Addin:InsertSignature</c>: whether new drafts get the signature in Outlook itself.</param>
public sealed record AddinSettingsDto(bool InsertSignature);
