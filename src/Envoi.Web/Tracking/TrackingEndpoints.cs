using Envoi.Core.Signatures.Templates;
using Envoi.Core.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Tracking;

/// <summary>
/// What recipients' clients reach: <c>/c/TOKEN</c> redirects to the link's target (read from the link
/// table, never from the token) and <c>/i/TOKEN</c> serves a banner image. Both record through the
/// write-behind queue, so the answer never waits for the database's writer.
/// </summary>
public static class TrackingEndpoints
{
    private const string NotFoundPage = "<!doctype html><meta charset=\"utf-8\"><title>Link not found</title><h1>This link is not valid</h1><p>It may have been altered or copied incompletely.</p>";

    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/c/{token}", ["GET", "HEAD"], async (HttpContext http, ClickTracking tracking, TimeProvider clock, string token, CancellationToken ct) =>
        {
            var link = await tracking.FollowAsync(token, LinkKind.Click, Request(http, clock), ct);
            if (link is null) return Results.Content(NotFoundPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            // Every click must reach the server to be counted.
            http.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(link.Url);
        }).WithTags("Tracking").ExcludeFromDescription();

        app.MapMethods("/i/{token}", ["GET", "HEAD"], async (HttpContext http, ClickTracking tracking, ISignatureAssets assets, TimeProvider clock, string token, CancellationToken ct) =>
        {
            var link = await tracking.FollowAsync(token, LinkKind.Image, Request(http, clock), ct);
            if (link is null || await assets.FindAsync(link.Url, ct) is not { } image) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(image.Content, image.ContentType);
        }).WithTags("Tracking").ExcludeFromDescription();
        return app;
    }

    private static ClickRequest Request(HttpContext http, TimeProvider clock)
    {
        var headers = http.Request.Headers;
        string? purpose = headers["Purpose"].FirstOrDefault() ?? headers["Sec-Purpose"].FirstOrDefault() ?? headers["X-Moz"].FirstOrDefault() ?? headers["X-Purpose"].FirstOrDefault();
        return new ClickRequest(http.Request.Method, headers.UserAgent.FirstOrDefault(), purpose, http.Connection.RemoteIpAddress, clock.GetUtcNow());
    }
}
