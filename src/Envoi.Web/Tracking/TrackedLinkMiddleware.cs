using System.Text;
using Envoi.Core.Signatures.Templates;
using Envoi.Core.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Envoi.Web.Tracking;

/// <summary>
/// What recipients' clients reach: <c>/c/TOKEN</c> redirects to the link's target (read from the link
/// table, never from the token) and <c>/i/TOKEN</c> serves a banner image. Both record through the
/// write-behind queue, so the answer never waits for the database's writer.
/// <para>
/// A middleware at the front of the pipeline rather than endpoints: every click of every recipient
/// lands here, anonymously, and routing, authentication, authorization and the console's policies
/// only cost time on it (they were about a fifth of the CPU of a redirect). A query string is
/// ignored, as routing ignored it (shared links come back with <c>?fbclid=…</c> and the like).
/// </para>
/// </summary>
public sealed class TrackedLinkMiddleware(RequestDelegate next, ClickTracking tracking, ISignatureAssets assets, TimeProvider clock)
{
    private static readonly byte[] NotFoundPage = Encoding.UTF8.GetBytes("<!doctype html><meta charset=\"utf-8\"><title>Link not found</title><h1>This link is not valid</h1><p>It may have been altered or copied incompletely.</p>");
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues Html = "text/html; charset=utf-8";
    private static readonly StringValues GetOrHead = "GET, HEAD";

    public Task InvokeAsync(HttpContext http)
    {
        if (!TryMatch(http.Request.Path.Value, out var kind, out var token)) return next(http);
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = GetOrHead;
            http.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        var followed = tracking.FollowAsync(token, kind, Request(http, method), http.RequestAborted);
        if (kind == LinkKind.Click && followed.IsCompletedSuccessfully) return Redirect(http, followed.Result);
        return kind == LinkKind.Click ? RedirectAsync(http, followed) : ImageAsync(http, followed);
    }

    /// <summary><c>/c/TOKEN</c> or <c>/i/TOKEN</c> (one trailing slash tolerated, as routing did); anything else is not ours.</summary>
    private static bool TryMatch(string? path, out LinkKind kind, out ReadOnlyMemory<char> token)
    {
        kind = LinkKind.Click;
        token = default;
        if (path is null || path.Length < 3 || path[0] != '/' || path[2] != '/') return false;
        // Case-insensitive like the routes these were before; the token itself is not.
        if (path[1] is 'c' or 'C') kind = LinkKind.Click;
        else if (path[1] is 'i' or 'I') kind = LinkKind.Image;
        else return false;
        token = path.AsMemory(3);
        if (token.Span is [.., '/']) token = token[..^1];
        return true;
    }

    private static async Task RedirectAsync(HttpContext http, ValueTask<TrackedLink?> followed) => await Redirect(http, await followed);

    private static Task Redirect(HttpContext http, TrackedLink? link)
    {
        if (link is null) return NotFoundAsync(http);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = link.Url;
        // Every click must reach the server to be counted.
        response.Headers.CacheControl = NoStore;
        response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private async Task ImageAsync(HttpContext http, ValueTask<TrackedLink?> followed)
    {
        var response = http.Response;
        if (await followed is not { } link || await assets.FindAsync(link.Url, http.RequestAborted) is not { } image)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = 0;
            return;
        }
        response.Headers.CacheControl = NoStore;
        response.ContentType = image.ContentType;
        response.ContentLength = image.Content.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await response.Body.WriteAsync(image.Content, http.RequestAborted);
    }

    private static Task NotFoundAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status404NotFound;
        response.Headers.ContentType = Html;
        response.ContentLength = NotFoundPage.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(NotFoundPage, http.RequestAborted).AsTask();
    }

    private ClickRequest Request(HttpContext http, string method)
    {
        var headers = http.Request.Headers;
        var purpose = First(headers["Purpose"]) ?? First(headers["Sec-Purpose"]) ?? First(headers["X-Moz"]) ?? First(headers["X-Purpose"]);
        return new ClickRequest(method, First(headers.UserAgent), purpose, http.Connection.RemoteIpAddress, clock.GetUtcNow());
    }

    private static string? First(StringValues values) => values.Count == 0 ? null : values[0];
}

public static class TrackedLinkPipeline
{
    /// <summary>Answers <c>/c/</c> and <c>/i/</c>; call it before routing and authentication.</summary>
    public static IApplicationBuilder UseTrackedLinks(this IApplicationBuilder app) => app.UseMiddleware<TrackedLinkMiddleware>();
}
