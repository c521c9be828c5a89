using System.Net;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Envoi.Core.Tracking;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary>
/// <c>/c/</c> and <c>/i/</c> are answered in front of routing and authentication: what is theirs,
/// what is left to the rest of the application, and how odd requests are answered.
/// </summary>
public class TrackedLinkMiddlewareTests
{
    [Fact]
    public async Task Other_paths_go_on_to_routing_authentication_and_the_console()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/");
        var token = path["/c/".Length..];

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        // The API still wants its token, the console still sends strangers to sign in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/stats?period=today&by=link")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await http.GetAsync("/")).StatusCode);
        // Paths that merely look alike are not tracked links.
        foreach (var other in new[] { "/c", "/cc/" + token, "/x/c/" + token, "/i" })
        {
            var response = await http.SendAsync(TrackingFixture.Get(other));
            Assert.NotEqual(HttpStatusCode.Found, response.StatusCode);
            Assert.DoesNotContain("This link is not valid", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(await TrackingFixture.ClicksAsync(envoi));
    }

    [Fact]
    public async Task A_query_string_a_trailing_slash_or_an_upper_case_prefix_still_redirects_and_counts_once()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/offer");

        // Shared links come back with tracking parameters of their own; the target stays the row's.
        TrackingFixture.AssertRedirect(await http.SendAsync(TrackingFixture.Get(path + "?fbclid=IwAR0abc&utm_source=x")), "https://example.com/offer");
        TrackingFixture.AssertRedirect(await http.SendAsync(TrackingFixture.Get(path + "/")), "https://example.com/offer");
        TrackingFixture.AssertRedirect(await http.SendAsync(TrackingFixture.Get("/C/" + path["/c/".Length..])), "https://example.com/offer");

        Assert.Equal(3, (await TrackingFixture.ClicksAsync(envoi)).Count);
    }

    [Fact]
    public async Task Other_methods_get_405_and_odd_paths_a_clear_4xx_without_a_click()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/");

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options })
        {
            var response = await http.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        }

        // Longer than any token but within Kestrel's request line: the "not valid" page.
        var long_ = await http.SendAsync(TrackingFixture.Get("/c/" + new string('A', 6000)));
        Assert.Equal(HttpStatusCode.NotFound, long_.StatusCode);
        Assert.Contains("This link is not valid", await long_.Content.ReadAsStringAsync());
        // Beyond the request line limit Kestrel refuses before anything runs.
        var huge = await http.SendAsync(TrackingFixture.Get("/c/" + new string('A', 20_000)));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, huge.StatusCode);
        // Empty and nested tokens.
        foreach (var odd in new[] { "/c/", "/c//", "/c/a/b" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(TrackingFixture.Get(odd))).StatusCode);
        // HEAD of an invalid link: the status and length of the page, no body.
        var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/c/garbage-garbage-garbage-garbage"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        Assert.Empty(await TrackingFixture.ClicksAsync(envoi));
    }

    [Fact]
    public async Task A_banner_image_is_served_uncached_by_GET_and_HEAD_and_each_load_is_counted()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        await envoi.Get<ISignatureAssetStore>().SaveAsync(new SignatureAsset("banner.png", "image/png", png), default);
        var path = await TrackingFixture.LinkAsync(envoi, "banner.png", kind: LinkKind.Image);

        var get = await http.SendAsync(TrackingFixture.Get(path));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("image/png", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", get.Headers.CacheControl?.ToString());
        Assert.Equal(png, await get.Content.ReadAsByteArrayAsync());

        var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(png.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        // An image link whose asset is gone: a plain 404, the load still counted.
        var missing = await TrackingFixture.LinkAsync(envoi, "deleted.png", message: "MSG2", kind: LinkKind.Image);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(TrackingFixture.Get(missing))).StatusCode);

        var loads = await TrackingFixture.ClicksAsync(envoi);
        Assert.Equal(3, loads.Count);
        Assert.All(loads, l => Assert.Equal((int)LinkKind.Image, l.Kind));
        Assert.Equal([null, "HEAD request", null], loads.Select(l => l.AutomatedReason));
    }
}
