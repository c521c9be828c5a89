using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Tracking;
using Envoi.Tests.Support;
using MimeKit;
using Xunit;

namespace Envoi.Tests.Campaigns;

/// <summary>A campaign end to end: API, SMTP in, release, the banner and tracked links the upstream receives, the click.</summary>
public partial class CampaignGatewayTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<(EnvoiTestHost Envoi, HttpClient Admin)> StartAsync()
    {
        var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = _upstream.Url;
            s.Signatures.InternalDomains = ["example.com"];
            s.Http.PublicBaseUrl = "https://envoi.example.com";
            s.Tracking.Bots.SecondsAfterDelivery = 0;
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password", holdSeconds: 0);
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.ImportEmployeesAsync("email,displayName,department\nalice@example.com,Alice Martin,Sales\n");
        await Ok(admin.PutAsJsonAsync("/api/signatures/corporate", new
        {
            html = "<p>{{ displayName }}</p><p><a href=\"https://www.example.com/about?x=1&amp;y=2\">About us</a> <a href=\"mailto:alice@example.com\">Mail</a> <a href=\"tel:+33100000000\">Call</a></p>",
            text = "{{ displayName }}",
            images = "hosted",
        }));
        await Ok(admin.PutAsync("/api/signatures/rules", new StringContent("""
            [ { "name": "everyone", "when": {}, "then": { "signature": "corporate", "bannerSlot": "footer" } } ]
            """, Encoding.UTF8, "application/json")));
        await Ok(admin.PutAsync("/api/signatures/assets/winter.png", new ByteArrayContent(Png)));
        return (envoi, admin);
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static object Campaign(string department = "Sales", bool externalOnly = true) => new
    {
        start = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"),
        end = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm"),
        timeZone = "Europe/Paris",
        targeting = new { departments = new[] { department }, externalRecipientsOnly = externalOnly },
        banners = new[] { new { image = "winter.png", link = "https://shop.example.com/winter", alt = "Winter sale", width = 600, height = 120, weight = 1 } },
        utm = new Dictionary<string, string> { ["utm_source"] = "signature", ["utm_campaign"] = "winter" },
    };

    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Offer";
        message.Body = new BodyBuilder
        {
            TextBody = "See https://author.example.net/doc\r\n",
            HtmlBody = "<html><body><p>See <a href=\"https://author.example.net/doc\">the document</a>.</p></body></html>",
        }.ToMessageBody();
        return message;
    }

    [Fact]
    public async Task The_banner_fills_the_slot_after_the_signature_and_only_Envoi_links_are_tracked()
    {
        var (envoi, admin) = await StartAsync();
        await using var _ = envoi;
        await Ok(admin.PutAsJsonAsync("/api/campaigns/winter", Campaign()));

        var id = await envoi.SendAsync("alice@example.com", "alice-password", Message("carl@client.test"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        var html = Assert.Single(_upstream.For("carl@client.test")).Parse().HtmlBody!;

        // The author's link is untouched; mailto: and tel: too.
        Assert.Contains("<a href=\"https://author.example.net/doc\">", html);
        Assert.Contains("href=\"mailto:alice@example.com\"", html);
        Assert.Contains("href=\"tel:+33100000000\"", html);
        Assert.DoesNotContain("https://www.example.com/about", html);
        Assert.DoesNotContain("https://shop.example.com", html);
        // The banner comes right after the signature block, its image counted through /i/.
        var signatureEnd = html.IndexOf("data-envoi-signature", StringComparison.Ordinal);
        var banner = html.IndexOf("data-envoi-banner=\"winter\"", StringComparison.Ordinal);
        Assert.True(signatureEnd >= 0 && banner > signatureEnd, html);
        Assert.Matches("<img src=\"https://envoi\\.example\\.com/i/[A-Za-z0-9_-]+\" alt=\"Winter sale\" width=\"600\" height=\"120\"", html);

        var links = TrackedLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        using var http = Browser(envoi);
        var about = await http.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.Found, about.StatusCode);
        Assert.Equal("https://www.example.com/about?x=1&y=2", about.Headers.Location!.OriginalString);
        var shop = await http.GetAsync(links[1]);
        Assert.Equal("https://shop.example.com/winter?utm_source=signature&utm_campaign=winter", shop.Headers.Location!.OriginalString);
        var image = await http.GetAsync(Regex.Match(html, "/i/[A-Za-z0-9_-]+").Value);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());

        var row = await WinterStatsAsync(envoi, admin);
        Assert.Equal(2, row.GetProperty("humanClicks").GetInt64());
        Assert.Equal(1, row.GetProperty("imageLoads").GetInt64());
    }

    [Fact]
    public async Task Targeting_paused_campaigns_and_colleagues_get_no_banner_but_links_are_still_tracked()
    {
        var (envoi, admin) = await StartAsync();
        await using var _ = envoi;
        await Ok(admin.PutAsJsonAsync("/api/campaigns/winter", Campaign()));

        // A colleague: the campaign targets external recipients only.
        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", Message("bob@example.com")), MessageStatus.Relayed);
        var internalHtml = Assert.Single(_upstream.For("bob@example.com")).Parse().HtmlBody!;
        Assert.DoesNotContain("envoi-banner", internalHtml);
        Assert.Single(TrackedLink().Matches(internalHtml));

        await Ok(admin.PostAsync("/api/campaigns/winter/pause", null));
        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", Message("carl@client.test")), MessageStatus.Relayed);
        Assert.DoesNotContain("envoi-banner", Assert.Single(_upstream.For("carl@client.test")).Parse().HtmlBody);

        await Ok(admin.PostAsync("/api/campaigns/winter/resume", null));
        await Ok(admin.PutAsJsonAsync("/api/campaigns/winter", Campaign(department: "Engineering")));
        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", Message("dan@client.test")), MessageStatus.Relayed);
        Assert.DoesNotContain("envoi-banner", Assert.Single(_upstream.For("dan@client.test")).Parse().HtmlBody);
    }

    [Fact]
    public async Task A_campaign_with_mistakes_is_refused_with_every_problem()
    {
        var (envoi, admin) = await StartAsync();
        await using var _ = envoi;
        var response = await admin.PutAsJsonAsync("/api/campaigns/bad", new
        {
            start = "2026-12-31T00:00", end = "2026-12-01T00:00", timeZone = "Mars/Olympus",
            banners = new[] { new { image = "missing.png", link = "javascript:alert(1)", alt = "", width = 0, height = 10, weight = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mars/Olympus", body);
        Assert.Contains("missing.png", body);
        Assert.Contains("absolute http(s) URL", body);
        Assert.Contains("width and height", body);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/campaigns/nope/pause", null)).StatusCode);
    }

    private static HttpClient Browser(EnvoiTestHost envoi)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = envoi.Http.BaseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 Firefox/133.0");
        return http;
    }

    /// <summary>Today's statistics row of the one campaign, "winter", once the clicks are written; it counts one signed message.</summary>
    private static async Task<JsonElement> WinterStatsAsync(EnvoiTestHost envoi, HttpClient admin)
    {
        await envoi.Get<TrackingRecorder>().FlushAsync(default);
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=today&by=campaign");
        var row = Assert.Single(stats.GetProperty("rows").EnumerateArray());
        Assert.Equal("winter", row.GetProperty("label").GetString());
        Assert.Equal(1, row.GetProperty("messagesSigned").GetInt64());
        return row;
    }

    [GeneratedRegex("href=\"https://envoi\\.example\\.com(/c/[A-Za-z0-9_-]+)\"")]
    private static partial Regex TrackedLink();
}
