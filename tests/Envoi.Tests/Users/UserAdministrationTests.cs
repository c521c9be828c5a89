using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Envoi.Core.Users;
using Envoi.Tests.Support;
using MailKit.Security;
using Microsoft.Playwright;
using MimeKit;

namespace Envoi.Tests.Users;

/// <summary>
/// <c>/api/users</c> and the console's employee page against the real app: every change lands, is
/// audited, and counts at once (a disabled user's token, password and open console session stop working).
/// </summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync();
        (_, _admin) = await _envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    [Fact]
    public async Task The_api_adds_changes_disables_and_removes_a_user_with_the_right_status_codes()
    {
        var created = await _admin.PostAsJsonAsync("/api/users", new { email = "Bob@Example.com", password = "bob-password", role = "marketing", holdSeconds = 20 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bob = await Json(created);
        Assert.Equal(("bob@example.com", "marketing", 20, false), (bob.GetProperty("email").GetString(), bob.GetProperty("role").GetString(), bob.GetProperty("holdSeconds").GetInt32(), bob.GetProperty("disabled").GetBoolean()));

        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync("/api/users", new { email = "bob@example.com", password = "bob-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync("/api/users", new { email = "carol@example.com", password = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync("/api/users", new { email = "carol@example.com", password = "long-enough", role = "owner" })).StatusCode);

        // Left-out properties stay; holdSeconds: null means the organization default.
        var patched = await Json(await Patch("/api/users/bob@example.com", """{"holdSeconds": null, "role": "employee"}"""));
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("holdSeconds").ValueKind);
        Assert.Equal("employee", patched.GetProperty("role").GetString());

        var refusals = new[]
        {
            ("""{}""", HttpStatusCode.BadRequest, "Nothing to change"),
            ("""{"holdSeconds": "soon"}""", HttpStatusCode.BadRequest, "wrong type"),
            ("""{"colour": "blue"}""", HttpStatusCode.BadRequest, "Unknown property 'colour'"),
            ("""{"password": "short"}""", HttpStatusCode.BadRequest, "at least 8 characters"),
            ("""{"holdSeconds": 999999}""", HttpStatusCode.BadRequest, ""),
        };
        foreach (var (body, status, sentence) in refusals)
        {
            var response = await Patch("/api/users/bob@example.com", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(sentence, (await Json(response)).GetProperty("error").GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Patch("/api/users/nobody@example.com", """{"disabled": true}""")).StatusCode);
        // The organization keeps an administrator.
        Assert.Equal(HttpStatusCode.Conflict, (await Patch("/api/users/admin@example.com", """{"role": "employee"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Patch("/api/users/admin@example.com", """{"disabled": true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.DeleteAsync("/api/users/admin@example.com")).StatusCode);

        var list = await Json(await _admin.GetAsync("/api/users"));
        Assert.Equal(["admin@example.com", "bob@example.com"], list.EnumerateArray().Select(u => u.GetProperty("email").GetString()));

        // An employee may not administer users.
        var tokenOfBob = await _envoi.Get<UserAccounts>().CreateTokenAsync("test", "bob@example.com", "test", default);
        using var bobApi = new HttpClient { BaseAddress = _envoi.Http.BaseAddress };
        bobApi.DefaultRequestHeaders.Authorization = new("Bearer", tokenOfBob);
        Assert.Equal(HttpStatusCode.Forbidden, (await bobApi.GetAsync("/api/users")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/users/bob@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/users/bob@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bobApi.GetAsync("/api/outbox")).StatusCode); // the token went with the user
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync("/api/users/bob@example.com")).StatusCode);

        var audit = await Json(await _admin.GetAsync("/api/audit?subject=bob@example.com"));
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("user.created", actions);
        Assert.Contains("user.updated", actions);
        Assert.Contains("user.removed", actions);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "user.updated" && e.GetProperty("details").GetString()!.Contains("marketing → employee"));
    }

    [Fact]
    public async Task A_disabled_user_can_neither_use_a_token_nor_submit_mail_nor_keep_a_console_session_and_enabling_restores_them()
    {
        var (_, bobApi) = await _envoi.AddUserAsync("bob@example.com", "bob-password");
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(_envoi.Http.BaseAddress!, "bob@example.com", "bob-password");
        Assert.Equal(HttpStatusCode.OK, (await bobApi.GetAsync("/api/outbox")).StatusCode);
        await SubmitAsync("bob@example.com", "bob-password");

        Assert.True((await Patch("/api/users/bob@example.com", """{"disabled": true}""")).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bobApi.GetAsync("/api/outbox")).StatusCode);
        var refused = await Assert.ThrowsAsync<AuthenticationException>(() => SubmitAsync("bob@example.com", "bob-password"));
        Assert.Contains("535", refused.Message + (refused.InnerException?.Message ?? ""), StringComparison.Ordinal);
        await page.GotoAsync("/portal");
        Assert.Contains("/login", page.Url); // the open session ended with the next request

        Assert.True((await Patch("/api/users/bob@example.com", """{"disabled": false, "password": "new-bob-password"}""")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bobApi.GetAsync("/api/outbox")).StatusCode);
        await Assert.ThrowsAsync<AuthenticationException>(() => SubmitAsync("bob@example.com", "bob-password"));
        await SubmitAsync("bob@example.com", "new-bob-password");
    }

    [Fact]
    public async Task The_employee_page_edits_the_account_and_a_demoted_admin_loses_the_admin_pages_at_once()
    {
        await _envoi.ImportEmployeesAsync("email,displayName\nadmin@example.com,Sam Admin\nmia@example.com,Mia Roux\nleo@example.com,Leo Petit\n");
        await _envoi.AddUserAsync("leo@example.com", "leo-password", admin: true);
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var leo = await browser.SignInAsync(_envoi.Http.BaseAddress!, "leo@example.com", "leo-password");
        var admin = await browser.SignInAsync(_envoi.Http.BaseAddress!, "admin@example.com", "admin-password");

        // Mia has no account yet: the page offers to create one.
        await admin.GotoAsync("/admin/employee?Email=mia@example.com");
        await admin.GetByLabel("Role").SelectOptionAsync("marketing");
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync("mia-password");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await admin.GetByText("Account created.").WaitForAsync();
        var mia = await _envoi.Get<IUserStore>().FindByEmailAsync("mia@example.com", default);
        Assert.Equal("marketing", mia!.Role);

        await admin.GetByLabel("Undo window in seconds (empty: the organization default)").FillAsync("30");
        await admin.GetByLabel("Disable sign-in (console, API tokens, SMTP)").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save account" }).ClickAsync();
        await admin.GetByText("Account saved.").WaitForAsync();
        mia = await _envoi.Get<IUserStore>().FindByEmailAsync("mia@example.com", default);
        Assert.Equal((30, true, "marketing"), (mia!.HoldSeconds, mia.Disabled, mia.Role));

        // Leo, signed in as an administrator, is made an employee: his next admin page is refused.
        await admin.GotoAsync("/admin/employee?Email=leo@example.com");
        await admin.GetByLabel("Role").SelectOptionAsync("employee");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save account" }).ClickAsync();
        await admin.GetByText("Account saved.").WaitForAsync();
        await leo.GotoAsync("/admin/templates");
        Assert.Contains("/denied", leo.Url);
        await leo.GotoAsync("/portal");
        Assert.Contains("/portal", leo.Url); // still signed in, as an employee

        await admin.GotoAsync("/admin/employee?Email=mia@example.com");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove account" }).ClickAsync();
        await admin.GetByText("Account removed.").WaitForAsync();
        Assert.Null(await _envoi.Get<IUserStore>().FindByEmailAsync("mia@example.com", default));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).WaitForAsync();
    }

    private Task<HttpResponseMessage> Patch(string path, string json) =>
        _admin.PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private Task SubmitAsync(string user, string password)
    {
        var message = new MimeMessage { Subject = "hello", Body = new TextPart("plain") { Text = "hi" } };
        message.From.Add(MailboxAddress.Parse(user));
        message.To.Add(MailboxAddress.Parse("someone@example.net"));
        return _envoi.SendAsync(user, password, message);
    }
}
