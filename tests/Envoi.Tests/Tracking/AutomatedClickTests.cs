using System.Net;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary>Link scanners and prefetchers are flagged with the reason and left out of human counts.</summary>
public class AutomatedClickTests
{
    [Fact]
    public async Task Head_prefetch_scanner_agents_and_clicks_right_after_delivery_are_flagged_with_their_reason()
    {
        await using var envoi = await TrackingFixture.StartAsync(secondsAfterDelivery: 60);
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/");

        var head = new HttpRequestMessage(HttpMethod.Head, path);
        head.Headers.UserAgent.ParseAdd("Mozilla/5.0");
        Assert.Equal(HttpStatusCode.Found, (await http.SendAsync(head)).StatusCode);

        var prefetch = TrackingFixture.Get(path);
        prefetch.Headers.Add("Purpose", "prefetch");
        Assert.Equal(HttpStatusCode.Found, (await http.SendAsync(prefetch)).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await http.SendAsync(TrackingFixture.Get(path, "Mozilla/5.0 (compatible; Mimecast URL Protect)"))).StatusCode);
        // A browser, but seconds after the message left: a scanner rendering the page.
        Assert.Equal(HttpStatusCode.Found, (await http.SendAsync(TrackingFixture.Get(path))).StatusCode);

        var reasons = (await TrackingFixture.ClicksAsync(envoi)).Select(c => c.AutomatedReason).ToList();
        Assert.Equal(4, reasons.Count);
        Assert.Equal("HEAD request", reasons[0]);
        Assert.Equal("prefetch (prefetch)", reasons[1]);
        Assert.Equal("scanner user agent (Mimecast)", reasons[2]);
        Assert.StartsWith("clicked ", reasons[3]);
        Assert.EndsWith("s after delivery", reasons[3]);
    }

    [Fact]
    public async Task Automated_clicks_are_excluded_from_human_counts_in_the_statistics()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/");
        await http.SendAsync(TrackingFixture.Get(path));
        await http.SendAsync(TrackingFixture.Get(path, "Microsoft Office Protection"));
        await TrackingFixture.ClicksAsync(envoi);

        var stats = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(admin, "/api/stats?period=today&by=link");
        var totals = stats.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("humanClicks").GetInt64());
        Assert.Equal(1, totals.GetProperty("automatedClicks").GetInt64());
    }
}
