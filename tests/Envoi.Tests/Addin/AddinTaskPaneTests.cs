using System.Net;
using System.Text.Json;
using Envoi.Tests.Support;
using Microsoft.Playwright;

namespace Envoi.Tests.Addin;

/// <summary>
/// The compose task pane in Debian's Chromium against the real Envoi. Office.js cannot run without
/// an Outlook host, so Microsoft's script is replaced by a test double of Office (OfficeDouble.js);
/// everything Envoi serves and answers is real.
/// </summary>
public sealed class AddinTaskPaneTests : IAsyncLifetime
{
    private AddinGateway _gateway = null!;
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _gateway = await AddinGateway.StartAsync();
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    /// <summary>A browser profile where office.js is the double (set up with the draft's recipients) and nothing leaves loopback.</summary>
    private async Task<IBrowserContext> OutlookAsync(object draft, AddinGateway? gateway = null)
    {
        var context = await _browser.Browser.NewContextAsync(new() { BaseURL = (gateway ?? _gateway).BaseUrl, ViewportSize = new() { Width = 380, Height = 900 } });
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Addin", "OfficeDouble.js")).Replace("/*SETUP*/{}", JsonSerializer.Serialize(draft));
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host == "appsforoffice.microsoft.com" && url.AbsolutePath.EndsWith("/office.js"))
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", Body = script });
            else if (url.IsLoopback) await route.ContinueAsync();
            else await route.AbortAsync();
        });
        return context;
    }

    [Fact]
    public async Task The_sender_signs_in_through_the_dialog_then_picks_among_rendered_signatures_which_sets_the_header()
    {
        await using var context = await OutlookAsync(new { to = new[] { "carl@client.test" }, cc = new[] { "bob@example.com" }, composeType = "reply" });
        var pane = await context.NewPageAsync();
        var log = new List<string>();
        pane.Console += (_, m) => log.Add(m.Text);
        pane.PageError += (_, e) => log.Add(e);
        await pane.GotoAsync("/addin/taskpane.html");
        await pane.GetByRole(AriaRole.Button, new() { Name = "Sign in to Envoi" }).WaitForAsync();

        // The dialog: the Envoi login, then "Connect Outlook" (in Alice's language), which hands a token back to the pane.
        var dialog = await context.RunAndWaitForPageAsync(() => pane.GetByRole(AriaRole.Button, new() { Name = "Sign in to Envoi" }).ClickAsync());
        await dialog.WaitForURLAsync(url => url.Contains("/login"));
        await dialog.GetByLabel("Email").FillAsync("alice@example.com");
        await dialog.GetByLabel("Password").FillAsync(AddinGateway.AlicePassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await dialog.WaitForURLAsync(url => url.EndsWith("/addin/signin"));
        // Alice's directory language is French, so the signed-in dialog speaks it.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Connecter Outlook" }).ClickAsync();

        // The pane lists what Alice may pick for this reply, rendered, with the rules' choice and why.
        try { await pane.Locator(".option").Nth(2).WaitForAsync(new() { Timeout = 10000 }); }
        catch (TimeoutException) { Assert.Fail(await pane.Locator("#status").InnerTextAsync() + "\n" + string.Join("\n", log)); }
        var token = await pane.EvaluateAsync<string>("window.__office.roaming.envoiToken");
        Assert.StartsWith("envoi_", token);
        Assert.Equal("alice@example.com", await pane.Locator("#who").InnerTextAsync());
        Assert.Contains("2 minutes", await pane.Locator("#undo").InnerTextAsync());
        Assert.Contains("Envoi adds your signature when the message leaves", await pane.Locator("#insertion").InnerTextAsync());
        var full = pane.Locator(".option[data-signature='full']");
        Assert.Contains("Chosen by the rules for carl@client.test: rule 2 'customers'", await full.InnerTextAsync());
        Assert.Contains("Alice Martin", await pane.FrameLocator(".option[data-signature='full'] iframe").Locator("body").InnerTextAsync());
        Assert.Contains("Alice Martin (short)", await pane.FrameLocator(".option[data-signature='short'] iframe").Locator("body").InnerTextAsync());
        Assert.Contains("for bob@example.com: rule 1 'colleagues'", await pane.Locator(".option[data-signature='short']").InnerTextAsync());
        Assert.Equal("", await pane.Locator("iframe.preview").First.GetAttributeAsync("sandbox")); // previews run no script
        Assert.Equal(0, await pane.Locator(".option[data-signature='none'] iframe").CountAsync());
        await ConsoleBrowser.ScreenshotAsync(pane, "addin-taskpane");

        // Picking sets X-Envoi-Signature on the draft; "no signature" too.
        await pane.GetByLabel("short").CheckAsync();
        await pane.GetByText("Envoi will use the signature short.").WaitForAsync();
        Assert.Equal("short", await pane.EvaluateAsync<string>("window.__office.headers['X-Envoi-Signature']"));
        await pane.GetByLabel("No signature").CheckAsync();
        await pane.GetByText("Envoi will add no signature.").WaitForAsync();
        Assert.Equal("none", await pane.EvaluateAsync<string>("window.__office.headers['X-Envoi-Signature']"));
        Assert.Null(await pane.EvaluateAsync<string?>("window.__office.signature")); // insertion is off: the gateway signs

        // Signing out revokes the token at Envoi.
        using var api = new HttpClient { BaseAddress = new Uri(_gateway.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me/signatures")).StatusCode);
        await pane.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await pane.GetByRole(AriaRole.Button, new() { Name = "Sign in to Envoi" }).WaitForAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me/signatures")).StatusCode);
        Assert.Null(await pane.EvaluateAsync<string?>("window.__office.roaming.envoiToken"));
    }

    [Fact]
    public async Task With_insertion_on_picking_puts_the_signature_into_the_draft_and_a_revoked_token_asks_to_sign_in_again()
    {
        await using var gateway = await AddinGateway.StartAsync(s => s.Addin.InsertSignature = true);
        var token = await gateway.Envoi.Get<Envoi.Core.Users.UserAccounts>().CreateTokenAsync("test", "alice@example.com", "outlook-addin", default);
        // Already signed in: roaming settings follow the mailbox.
        await using var context = await OutlookAsync(new { to = new[] { "carl@client.test" }, roaming = new { envoiToken = token, envoiBaseUrl = gateway.BaseUrl } }, gateway);
        var pane = await context.NewPageAsync();
        var log = new List<string>();
        pane.Console += (_, m) => log.Add(m.Text);
        pane.PageError += (_, e) => log.Add(e);
        await pane.GotoAsync("/addin/taskpane.html");
        try { await pane.Locator(".option[data-signature='full']").WaitForAsync(new() { Timeout = 5000 }); }
        catch (TimeoutException) { Assert.Fail(await pane.Locator("#status").InnerTextAsync() + "\n" + string.Join("\n", log)); }
        Assert.Contains("put into the message here", await pane.Locator("#insertion").InnerTextAsync());
        await pane.GetByLabel("short").CheckAsync();
        await pane.GetByText("Envoi will use the signature short.").WaitForAsync();
        Assert.StartsWith("<div class=\"envoi-signature\" data-envoi-signature=\"short\"><p class=\"sig\">Alice Martin (short)</p>", await pane.EvaluateAsync<string>("window.__office.signature"));

        await gateway.Envoi.Get<Envoi.Core.Users.UserAccounts>().RevokeTokensAsync("test", "alice@example.com", "outlook-addin", default);
        await pane.GetByRole(AriaRole.Button, new() { Name = "Update for the current recipients" }).ClickAsync();
        await pane.GetByRole(AriaRole.Button, new() { Name = "Sign in to Envoi" }).WaitForAsync();
        Assert.Contains("revoked", await pane.Locator("#status").InnerTextAsync());
    }
}
