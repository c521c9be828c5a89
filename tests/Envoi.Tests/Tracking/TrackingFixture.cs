using System.Net;
using Envoi.Core.Tracking;
using Envoi.Data;
using Envoi.Data.Schema;
using Envoi.Hosting;
using Envoi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Tests.Tracking;

/// <summary>
/// A real Envoi over HTTP with links created the way the link stage creates them (rows, then
/// tokens), so the tracking endpoints can be exercised without sending mail first.
/// </summary>
internal static class TrackingFixture
{
    public static Task<EnvoiTestHost> StartAsync(int secondsAfterDelivery = 0, string? dataDirectory = null, Action<EnvoiSettings>? more = null) =>
        EnvoiTestHost.StartAsync(s =>
        {
            s.Http.PublicBaseUrl = "https://envoi.example.com";
            s.Tracking.Bots.SecondsAfterDelivery = secondsAfterDelivery;
            more?.Invoke(s);
        }, dataDirectory);

    /// <summary>A tracked link to <paramref name="url"/>; returns the path /c/TOKEN.</summary>
    public static async Task<string> LinkAsync(EnvoiTestHost envoi, string url, string message = "MSG1", int employee = 7, string signature = "corporate", int campaign = 0, LinkKind kind = LinkKind.Click)
    {
        var ids = await envoi.Get<ILinkStore>().EnsureAsync([new NewLink(message, employee, signature, campaign, kind, url)], DateTimeOffset.UtcNow, default);
        var token = envoi.Get<TrackingTokens>().Write(new TrackingToken(ids[0], message, employee, signature, campaign));
        return $"/{(kind == LinkKind.Image ? "i" : "c")}/{token}";
    }

    public static HttpClient NoRedirects(EnvoiTestHost envoi) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 }) { BaseAddress = envoi.Http.BaseAddress };

    public static async Task<List<ClickRow>> ClicksAsync(EnvoiTestHost envoi)
    {
        await envoi.Get<TrackingRecorder>().FlushAsync(default);
        await using var db = envoi.Get<EnvoiDbFactory>().Create();
        return await db.Clicks.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    public static HttpRequestMessage Get(string path, string userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.UserAgent.ParseAdd(userAgent);
        return request;
    }

    public static void AssertRedirect(HttpResponseMessage response, string target)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }
}
