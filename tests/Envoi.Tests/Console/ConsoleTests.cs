using System.Net;
using System.Net.Http.Json;
using System.Text;
using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Users;
using Envoi.Tests.Support;
using Microsoft.Playwright;
using MimeKit;
using Xunit;

namespace Envoi.Tests.Console;

/// <summary>The web console in a real browser (Debian's Chromium through Playwright) against the real gateway.</summary>
public sealed class ConsoleTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private ConsoleBrowser _browser = null!;
    private EnvoiTestHost _envoi = null!;
    private HttpClient _adminApi = null!, _aliceApi = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _browser = await ConsoleBrowser.LaunchAsync();
        _envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = _upstream.Url;
            s.Hold.MaxSeconds = 600;
            s.Tracking.Bots.SecondsAfterDelivery = 0; // the test clicks at once, as no person would
        });
        (_, _aliceApi) = await _envoi.AddUserAsync("alice@example.com", "alice-password", holdSeconds: 120);
        await _envoi.AddUserAsync("bob@example.com", "bob-password", holdSeconds: 120);
        (_, _adminApi) = await _envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await _envoi.ImportEmployeesAsync("email,displayName,jobTitle,mobile\nalice@example.com,Alice Martin,Account Manager,\nbob@example.com,Bob Durand,Engineer,\nadmin@example.com,Sam Admin,IT,\n");
        var template = await _adminApi.PutAsJsonAsync("/api/signatures/full", new { html = "<p><b>{{ displayName }}</b><br>{{ jobTitle }}</p>", text = "{{ displayName }}\n{{ jobTitle }}" });
        Assert.True(template.IsSuccessStatusCode, await template.Content.ReadAsStringAsync());
        var rules = await _adminApi.PutAsync("/api/signatures/rules", new StringContent("[{ \"name\": \"everyone\", \"when\": {}, \"then\": { \"signature\": \"full\" } }]", Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await _envoi.DisposeAsync();
        await _browser.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private Uri Console => _envoi.Http.BaseAddress!;

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        var context = await _browser.Browser.NewContextAsync(new() { BaseURL = Console.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/portal");
        Assert.Contains("/login", page.Url); // not signed in: sent to the login page
        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("Email").FillAsync("alice@example.com");
            await page.GetByLabel("Password").FillAsync("wrong-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            Assert.Contains("Wrong email or password.", await page.Locator("[role=alert]").InnerTextAsync());
        }
        await page.GetByLabel("Email").FillAsync("alice@example.com");
        await page.GetByLabel("Password").FillAsync("alice-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("Too many failed attempts", await page.Locator("[role=alert]").InnerTextAsync());

        // The cookie is HttpOnly and SameSite=Strict; pages carry a Content-Security-Policy.
        var bobPage = await _browser.SignInAsync(Console, "bob@example.com", "bob-password");
        var cookie = Assert.Single(await bobPage.Context.CookiesAsync(), c => c.Name == "envoi");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        var response = await bobPage.GotoAsync("/portal");
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
    }

    [Fact]
    public async Task An_employee_edits_a_permitted_attribute_and_is_refused_a_read_only_one()
    {
        var page = await _browser.SignInAsync(Console, "alice@example.com", "alice-password");
        await page.GotoAsync("/portal/attributes");
        await page.GetByLabel("Mobile").FillAsync("+33 6 12 34 56 78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("Your details were saved.", await page.Locator("[role=status]").InnerTextAsync());
        var values = await _envoi.Get<DirectoryService>().EffectiveValuesAsync("alice@example.com", default);
        Assert.Equal("+33 6 12 34 56 78", values!["mobile"]);
        await ConsoleBrowser.ScreenshotAsync(page, "portal-details");

        // The job title is shown read-only with the reason; a forged form that sends it anyway is refused.
        var title = page.GetByLabel("Job title");
        Assert.True(await title.IsEditableAsync() is false);
        Assert.Contains("comes from the company directory", await page.Locator("#attr-jobTitle-why").InnerTextAsync());
        await title.EvaluateAsync("el => { el.removeAttribute('readonly'); el.name = 'Values[jobTitle]'; el.value = 'CEO'; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("Nothing was changed", await page.Locator("[role=alert]").InnerTextAsync());
        values = await _envoi.Get<DirectoryService>().EffectiveValuesAsync("alice@example.com", default);
        Assert.Equal("Account Manager", values!["jobTitle"]);
    }

    [Fact]
    public async Task The_portal_shows_my_signature_and_an_admin_previews_a_template_before_saving()
    {
        var alice = await _browser.SignInAsync(Console, "alice@example.com", "alice-password");
        await alice.GotoAsync("/portal");
        var frame = alice.FrameLocator("iframe[title='Signature for New message to a customer']");
        Assert.Equal("Alice Martin", await frame.Locator("b").InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(alice, "portal-signatures");

        var admin = await _browser.SignInAsync(Console, "admin@example.com", "admin-password");
        await admin.GotoAsync("/admin/templates");
        await admin.GetByRole(AriaRole.Link, new() { Name = "full" }).ClickAsync();
        await admin.GetByLabel("Preview for employee").FillAsync("bob@example.com");
        await admin.GetByLabel("HTML (Liquid)").FillAsync("<p><b>{{ displayName }}</b> · {{ jobTitle | upcase }}</p>");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        Assert.Equal("Bob Durand · ENGINEER", await admin.FrameLocator("iframe[title='Signature preview']").Locator("p").InnerTextAsync());
        Assert.Contains("Weight: HTML", await admin.Locator("main").InnerTextAsync());
        // The preview follows the text as the admin types, without a click.
        await admin.GetByLabel("HTML (Liquid)").FillAsync("<p><i>{{ displayName | downcase }}</i></p>");
        await Assertions.Expect(admin.FrameLocator("iframe[title='Signature preview']").Locator("i")).ToHaveTextAsync("bob durand");
        await ConsoleBrowser.ScreenshotAsync(admin, "admin-template-editor");
        // Only previewed: what messages get is unchanged until Save.
        Assert.DoesNotContain("upcase", (await _adminApi.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/signatures/full")).GetProperty("html").GetString());

        await admin.GetByLabel("HTML (Liquid)").FillAsync("<p>{{ displayName </p>");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("line 1", await admin.Locator("[role=alert]").First.InnerTextAsync());
    }

    [Fact]
    public async Task Undo_in_the_outbox_stops_a_held_message_before_its_window_ends()
    {
        var id = await _envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "carl@client.test", "Oops"));
        var page = await _browser.SignInAsync(Console, "alice@example.com", "alice-password");
        await page.GotoAsync("/portal/outbox");
        var row = page.Locator($"tr[data-message='{id}']");
        Assert.Matches(@"\d+ min \d+ s left|\d+ s left", await row.Locator(".countdown").InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "portal-outbox");
        await row.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        Assert.Contains("cancel", (await page.Locator("[role=status]").InnerTextAsync()).ToLowerInvariant());
        Assert.Equal(MessageStatus.Cancelled, (await _envoi.FindAsync(id))!.Status);
        await Task.Delay(1000);
        Assert.Empty(_upstream.For("carl@client.test"));
    }

    [Fact]
    public async Task An_admin_reads_the_green_report_and_downloads_it_as_excel()
    {
        var id = await _envoi.SendAsync("admin@example.com", "admin-password", EnvoiTestHost.Message("admin@example.com", "fay@client.test", "Numbers"));
        await _envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        var page = await _browser.SignInAsync(Console, "admin@example.com", "admin-password");
        // Administrators land on the dashboard: the queue, today's traffic, top campaigns.
        Assert.EndsWith("/admin", page.Url);
        var dashboard = await page.Locator("main").InnerTextAsync();
        Assert.Contains("relayed", dashboard);
        Assert.Contains("Top campaigns, last 7 days", dashboard);
        await ConsoleBrowser.ScreenshotAsync(page, "admin-dashboard");
        await page.GotoAsync("/admin/green");
        Assert.Contains("full", await page.Locator("table").InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "admin-green-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download Excel" }).ClickAsync());
        var path = Path.Combine(_envoi.DataDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var row = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: "Signatures").Cast<IDictionary<string, object>>().Single();
        Assert.Equal("full", row["Signature"]);
        Assert.Equal(1.0, Convert.ToDouble(row["Messages"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Marketing_runs_a_campaign_and_reads_its_clicks_but_cannot_open_admin_pages()
    {
        await _envoi.AddUserAsync("mia@example.com", "mia-password");
        Assert.NotNull((await _envoi.Get<UserAccounts>().SetRoleAsync("test", "mia@example.com", "marketing", default)).User);
        var rules = await _adminApi.PutAsync("/api/signatures/rules", new StringContent("[{ \"name\": \"everyone\", \"when\": {}, \"then\": { \"signature\": \"full\", \"bannerSlot\": \"footer\" } }]", Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());

        var page = await _browser.SignInAsync(Console, "mia@example.com", "mia-password");
        Assert.Contains("/marketing/statistics", page.Url);
        Assert.Equal(403, (await page.GotoAsync("/admin"))!.Status);

        await page.GotoAsync("/marketing/campaigns");
        await page.GetByLabel("Name").FillAsync("spring");
        await page.GetByLabel("Starts").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("Ends").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("Banner image (PNG, JPEG or GIF)").SetInputFilesAsync(new FilePayload { Name = "spring.png", MimeType = "image/png", Buffer = Png(600, 120) });
        await page.GetByLabel("Link", new() { Exact = true }).FillAsync("https://example.com/spring");
        await page.GetByLabel("Alternative text").FillAsync("Spring sale");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        Assert.Contains("Campaign 'spring' saved.", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("running", await page.Locator("tr[data-campaign='spring']").InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "marketing-campaigns");

        // A message leaves with the banner; a person clicks its link (this host counts clicks right after delivery as human).
        var message = EnvoiTestHost.Message("admin@example.com", "gus@client.test", "Spring");
        message.Body = new TextPart("html") { Text = "<p>Hello Gus,</p><p>Sam</p>" };
        await _envoi.WaitForStatusAsync(await _envoi.SendAsync("admin@example.com", "admin-password", message), MessageStatus.Relayed);
        var html = Assert.Single(_upstream.For("gus@client.test")).Parse().HtmlBody!;
        var banner = System.Text.RegularExpressions.Regex.Match(html, "href=\"[^\"]*(/c/[^\"]+)\"[^>]*>\\s*<img[^>]+alt=\"Spring sale\"");
        Assert.True(banner.Success, html);
        using var person = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Console };
        person.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0");
        var click = await person.GetAsync(banner.Groups[1].Value);
        Assert.Equal(HttpStatusCode.Found, click.StatusCode);
        Assert.StartsWith("https://example.com/spring", click.Headers.Location!.ToString());

        await page.GotoAsync("/marketing/statistics?By=campaign&Period=7d");
        await WaitForAsync(async () => (await page.ReloadAsync()) is not null && (await page.Locator("table").InnerTextAsync()).Contains("spring"));
        await ConsoleBrowser.ScreenshotAsync(page, "marketing-statistics");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download Excel" }).ClickAsync());
        var path = Path.Combine(_envoi.DataDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var row = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: "campaign").Cast<IDictionary<string, object>>().Single(r => Equals(r["Name"], "spring"));
        Assert.Equal(1.0, Convert.ToDouble(row["HumanClicks"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++) await Task.Delay(200);
    }

    private static byte[] Png(int width, int height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height));
        surface.Canvas.Clear(new SkiaSharp.SKColor(0x2e, 0x7d, 0x32));
        return surface.Snapshot().Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public async Task An_admin_imports_the_directory_and_reads_the_row_report()
    {
        var page = await _browser.SignInAsync(Console, "admin@example.com", "admin-password");
        await page.GotoAsync("/admin/directory");
        var csv = "email,displayName,jobTitle\nhal@example.com,Hal Newman,Buyer\nnot-an-address,Nobody,Ghost\nivy@example.com,Ivy Stone,Designer\n";
        await page.GetByLabel("CSV (header row of attribute names) or JSON (array of objects), keyed by email").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var report = page.Locator("[role=status]");
        await Assertions.Expect(report).ToContainTextAsync("3 rows: 2 created", new() { Timeout = 20_000 });
        Assert.Contains("Line 3", await report.InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "admin-directory-import");
        Assert.NotNull(await _envoi.Get<IDirectoryStore>().FindAsync("ivy@example.com", default));

        await page.GetByLabel("Search by name or email").FillAsync("hal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "hal@example.com" }).ClickAsync();
        await page.GetByLabel("Job title", new() { Exact = false }).FillAsync("Head buyer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save directory values" }).ClickAsync();
        Assert.Contains("Updated hal@example.com", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal("Head buyer", (await _envoi.Get<IDirectoryStore>().FindAsync("hal@example.com", default))!["jobTitle"]);
    }

    [Fact]
    public async Task An_employee_cannot_open_admin_pages_nor_touch_another_employees_messages()
    {
        var bobsId = await _envoi.SendAsync("bob@example.com", "bob-password", EnvoiTestHost.Message("bob@example.com", "dora@client.test", "Bob's private mail"));
        var page = await _browser.SignInAsync(Console, "alice@example.com", "alice-password");

        var admin = await page.GotoAsync("/admin");
        Assert.Equal(403, admin!.Status);
        Assert.Contains("This page is for administrators", await page.Locator("main").InnerTextAsync());
        Assert.Equal(403, (await page.GotoAsync("/admin/outbox"))!.Status);

        var alicesId = await _envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "erin@client.test", "Alice's mail"));
        await page.GotoAsync("/portal/outbox");
        Assert.DoesNotContain("Bob's private mail", await page.Locator("main").InnerTextAsync());
        // A forged Undo (a real form and token, Bob's message id) is refused like an unknown message.
        await page.Locator($"tr[data-message='{alicesId}'] input[name=id]").First.EvaluateAsync($"el => el.value = '{bobsId}'");
        await page.Locator($"tr[data-message='{alicesId}']").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        Assert.Contains($"No message {bobsId} in your outbox.", await page.Locator("[role=alert]").InnerTextAsync());
        // Without the anti-forgery token nothing runs at all.
        var form = page.APIRequest.CreateFormData();
        form.Set("id", alicesId);
        Assert.Equal(400, (await page.APIRequest.PostAsync("/portal/outbox?handler=Cancel", new() { Form = form })).Status);
        Assert.Equal(MessageStatus.Held, (await _envoi.FindAsync(bobsId))!.Status);
        Assert.Equal(MessageStatus.Held, (await _envoi.FindAsync(alicesId))!.Status);

        // The same through the API with Alice's token.
        Assert.Equal(HttpStatusCode.NotFound, (await _aliceApi.PostAsync($"/api/outbox/{bobsId}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _aliceApi.GetAsync("/api/signatures/rules")).StatusCode);
        Assert.Equal(MessageStatus.Held, (await _envoi.FindAsync(bobsId))!.Status);
    }
}
