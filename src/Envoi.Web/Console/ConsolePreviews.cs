using System.Collections.Concurrent;
using System.Security.Cryptography;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Console;

/// <summary>
/// Rendered signatures shown in the console. A signature is the admin's HTML with inline styles and
/// remote images, so it is never put into a console page: it is kept here for a few minutes and
/// served to its viewer alone at <c>/console/preview/{id}</c>, in a sandboxed frame whose
/// Content-Security-Policy allows styles and images but no script.
/// </summary>
public sealed class ConsolePreviews(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (string Owner, string Html, DateTimeOffset Until)> _previews = new();

    public string Keep(string owner, string html)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _previews.Where(p => p.Value.Until < now).Select(p => p.Key).ToList()) _previews.TryRemove(old, out _);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _previews[id] = (owner, html, now + Lifetime);
        return id;
    }

    public string? Find(string owner, string id) =>
        _previews.TryGetValue(id, out var preview) && preview.Owner == owner && preview.Until > clock.GetUtcNow() ? preview.Html : null;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/console/preview/{id}", (HttpContext http, ConsolePreviews previews, string id) =>
        {
            if (previews.Find(http.User.Email(), id) is not { } html) return Results.NotFound();
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src http: https: data: cid:; style-src 'unsafe-inline'; sandbox";
            return Results.Content($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{html}</body></html>", "text/html; charset=utf-8");
        }).RequireAuthorization(ConsoleSetup.PortalPolicy).ExcludeFromDescription();
}
