using System.Net;
using Envoi.Core.Tracking;
using Envoi.Data;
using Envoi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary><c>/c/TOKEN</c> over real HTTP: the redirect, what is refused, and that every click is counted exactly once.</summary>
public class RedirectTests
{
    [Fact]
    public async Task A_tracked_link_redirects_to_the_target_of_the_link_table_and_records_a_human_click()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/offer?a=1&b=2");

        var response = await http.SendAsync(TrackingFixture.Get(path));
        TrackingFixture.AssertRedirect(response, "https://example.com/offer?a=1&b=2");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var click = Assert.Single(await TrackingFixture.ClicksAsync(envoi));
        Assert.Null(click.AutomatedReason);
        Assert.Equal((int)LinkKind.Click, click.Kind);
    }

    [Fact]
    public async Task Tampered_unknown_and_garbage_tokens_get_a_404_page_and_are_not_counted()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/");
        var token = path["/c/".Length..];

        // One character changed in the middle (the ids) and at the end (the MAC).
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var badMac = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        // A valid token (right key) for a link row that does not exist.
        var unknown = envoi.Get<TrackingTokens>().Write(new TrackingToken(999_999, "MSG1", 7, "corporate", 0));
        // A character outside the base64url alphabet (mail clients mangle links) is as invalid as a wrong MAC.
        var mangled = token[..middle] + "." + token[(middle + 1)..];
        foreach (var bad in new[] { tampered, badMac, unknown, mangled, "garbage", "%00%01", new string('A', 1000), "../../etc/passwd" })
        {
            var response = await http.SendAsync(TrackingFixture.Get("/c/" + Uri.EscapeDataString(bad)));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
        }
        // The token of an image is not a link, and a link's token is not an image.
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(TrackingFixture.Get("/i/" + token))).StatusCode);

        var huge = await http.SendAsync(TrackingFixture.Get("/c/" + token + "?" + new string('x', 20_000)));
        Assert.True((int)huge.StatusCode is >= 400 and < 500, huge.StatusCode.ToString());
        Assert.Empty(await TrackingFixture.ClicksAsync(envoi));
    }

    [Fact]
    public async Task Tokens_signed_before_a_key_rotation_still_work()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        using var http = TrackingFixture.NoRedirects(envoi);
        var before = await TrackingFixture.LinkAsync(envoi, "https://example.com/old");
        var keys = envoi.Get<TrackingKeyRing>();
        var first = keys.CurrentId;
        Assert.NotEqual(first, keys.Rotate());
        var after = await TrackingFixture.LinkAsync(envoi, "https://example.com/new", message: "MSG2");
        // The first byte of a token names the key that signed it.
        Assert.Equal(first, System.Buffers.Text.Base64Url.DecodeFromChars(before.AsSpan("/c/".Length))[0]);
        Assert.Equal(keys.CurrentId, System.Buffers.Text.Base64Url.DecodeFromChars(after.AsSpan("/c/".Length))[0]);

        TrackingFixture.AssertRedirect(await http.SendAsync(TrackingFixture.Get(before)), "https://example.com/old");
        TrackingFixture.AssertRedirect(await http.SendAsync(TrackingFixture.Get(after)), "https://example.com/new");
    }

    [Fact]
    public async Task Two_hundred_concurrent_clients_have_every_click_counted_exactly_once()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        var paths = new List<string>();
        for (var i = 0; i < 5; i++) paths.Add(await TrackingFixture.LinkAsync(envoi, $"https://example.com/{i}", message: $"M{i}"));

        const int clients = 200, clicksEach = 10;
        var tasks = Enumerable.Range(0, clients).Select(async c =>
        {
            using var http = TrackingFixture.NoRedirects(envoi);
            for (var i = 0; i < clicksEach; i++)
            {
                var response = await http.SendAsync(TrackingFixture.Get(paths[(c + i) % paths.Count]));
                Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            }
        });
        await Task.WhenAll(tasks);

        var clicks = await TrackingFixture.ClicksAsync(envoi);
        Assert.Equal(clients * clicksEach, clicks.Count);
        await using var db = envoi.Get<EnvoiDbFactory>().Create();
        Assert.Equal(clients * clicksEach, await db.ClickCounts.SumAsync(c => c.Human));
        foreach (var group in clicks.GroupBy(c => c.LinkId)) Assert.Equal(clients * clicksEach / paths.Count, group.Count());
    }

    [Fact]
    public async Task A_graceful_stop_writes_every_click_still_queued()
    {
        var data = TempDirectory.Create("envoi-stop");
        try
        {
            const int clicks = 300;
            await using (var envoi = await TrackingFixture.StartAsync(dataDirectory: data))
            {
                using var http = TrackingFixture.NoRedirects(envoi);
                var path = await TrackingFixture.LinkAsync(envoi, "https://example.com/");
                await Task.WhenAll(Enumerable.Range(0, clicks).Select(_ => http.SendAsync(TrackingFixture.Get(path))));
            }
            var factory = new EnvoiDbFactory(DatabaseTarget.Resolve(null, data));
            await using var db = factory.Create();
            Assert.Equal(clicks, await db.Clicks.CountAsync());
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }
}
