using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Envoi.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace Envoi.Tests.Console;

/// <summary>Every change goes to the audit with who, when and before/after, whichever door it came through; admins read it at /admin/audit.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;
    private HttpClient _adminApi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync(_ => { });
        (_, _adminApi) = await _envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await _envoi.ImportEmployeesAsync("email,displayName\nadmin@example.com,Sam Admin\n");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task SaveTemplateAsync(string html)
    {
        var saved = await _adminApi.PutAsJsonAsync("/api/signatures/full", new { html, text = "{{ displayName }}" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_template_edit_is_audited_with_its_author_and_the_text_before_and_after()
    {
        await SaveTemplateAsync("<p>{{ displayName }} — first</p>");
        await SaveTemplateAsync("<p>{{ displayName }} — second</p>");
        var rules = await _adminApi.PutAsync("/api/signatures/rules", new StringContent("[{ \"name\": \"everyone\", \"when\": {}, \"then\": { \"signature\": \"full\" } }]", Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode);

        var updates = await _adminApi.GetFromJsonAsync<JsonElement>("/api/audit?kind=signature.update");
        var update = Assert.Single(updates.EnumerateArray());
        Assert.Equal("admin@example.com", update.GetProperty("actor").GetString());
        Assert.Equal("full", update.GetProperty("subject").GetString());
        Assert.Contains("first", update.GetProperty("before").GetString());
        Assert.Contains("second", update.GetProperty("after").GetString());
        Assert.DoesNotContain("second", update.GetProperty("before").GetString());

        // Kind "signature" is every signature.* action, not the rules; free text searches the snapshots.
        var signatureKinds = (await _adminApi.GetFromJsonAsync<JsonElement>("/api/audit?kind=signature")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["signature.update", "signature.create"], signatureKinds);
        var rulesEntry = Assert.Single((await _adminApi.GetFromJsonAsync<JsonElement>("/api/audit?q=everyone")).EnumerateArray());
        Assert.Equal("signature-rules.save", rulesEntry.GetProperty("action").GetString());
        Assert.Empty((await _adminApi.GetFromJsonAsync<JsonElement>("/api/audit?actor=someone@example.com")).EnumerateArray());
        Assert.Empty((await _adminApi.GetFromJsonAsync<JsonElement>($"/api/audit?since={DateTimeOffset.UtcNow.AddMinutes(5):O}".Replace("+", "%2B"))).EnumerateArray());
    }

    [Fact]
    public async Task Role_changes_and_tokens_made_from_the_cli_are_audited_without_the_token_itself()
    {
        await _envoi.AddUserAsync("mia@example.com", "mia-password");
        var role = await _envoi.Get<Envoi.Core.Users.UserAccounts>().SetRoleAsync("cli", "mia@example.com", "marketing", default);
        Assert.NotNull(role.User);
        var token = await _envoi.Get<Envoi.Core.Users.UserAccounts>().CreateTokenAsync("cli", "mia@example.com", "laptop", default);

        var entries = (await _adminApi.GetFromJsonAsync<JsonElement>("/api/audit?subject=mia@example.com")).EnumerateArray().ToList();
        var roleEntry = Assert.Single(entries, e => e.GetProperty("action").GetString() == "role.set");
        Assert.Equal("cli", roleEntry.GetProperty("actor").GetString());
        Assert.Contains("\"employee\"", roleEntry.GetProperty("before").GetString());
        Assert.Contains("\"marketing\"", roleEntry.GetProperty("after").GetString());
        var tokenEntry = Assert.Single(entries, e => e.GetProperty("action").GetString() == "token.created" && e.GetProperty("details").GetString() == "token 'laptop'");
        Assert.DoesNotContain(token!, tokenEntry.ToString());
    }

    [Fact]
    public async Task The_audit_page_filters_by_kind_and_exports_the_filtered_rows_as_csv()
    {
        await SaveTemplateAsync("<p>{{ displayName }} — v1</p>");
        await SaveTemplateAsync("<p>{{ displayName }} — v2</p>");
        await _envoi.AddUserAsync("zoe@example.com", "zoe-password");
        await _envoi.Get<Envoi.Core.Users.UserAccounts>().SetRoleAsync("cli", "zoe@example.com", "admin", default);

        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(_envoi.Http.BaseAddress!, "admin@example.com", "admin-password");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.GetByLabel("Kind").FillAsync("signature");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("signature.update", await rows.First.InnerTextAsync());
        await rows.First.GetByText("Before and after").ClickAsync();
        Assert.Contains("v1", await rows.First.Locator("pre").First.InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("At,Actor,Action,Subject,Details,Before,After", lines[0]);
        Assert.Contains("signature.update", csv);
        Assert.DoesNotContain("role.set", csv);
    }
}
