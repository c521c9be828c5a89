using System.Net.Http.Json;
using System.Text;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using Envoi.Hosting;
using Envoi.Tests.Support;

namespace Envoi.Tests.Addin;

/// <summary>
/// A real Envoi for the Outlook add-in tests: reached at its public base URL (a fixed loopback port,
/// so the manifest's URLs are the ones a client would use), an upstream, Alice with two signatures
/// she may pick, rules that give customers "full" and colleagues "short", and the default checks
/// with the forgotten-attachment check refusing.
/// </summary>
public sealed class AddinGateway : IAsyncDisposable
{
    public const string AlicePassword = "alice-password";

    private AddinGateway(TestUpstream upstream, EnvoiTestHost envoi, HttpClient admin, HttpClient alice, string aliceToken)
        => (Upstream, Envoi, Admin, Alice, AliceToken) = (upstream, envoi, admin, alice, aliceToken);

    public TestUpstream Upstream { get; }
    public EnvoiTestHost Envoi { get; }
    public HttpClient Admin { get; }
    public HttpClient Alice { get; }
    public string AliceToken { get; }
    public string BaseUrl => Envoi.Settings.Http.PublicBaseUrl!;

    public const string FullHtml = "<table class=\"sig\"><tr><td><b>{{ displayName }}</b><br>{{ jobTitle }}<br><a href=\"https://www.example.com\">example.com</a></td></tr></table>";
    public const string FullText = "{{ displayName }}\n{{ jobTitle }}\nhttps://www.example.com";

    public static async Task<AddinGateway> StartAsync(Action<EnvoiSettings>? configure = null)
    {
        var upstream = await TestUpstream.StartAsync();
        var port = FreePort.Next();
        var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Http.Listen = $"127.0.0.1:{port}";
            s.Http.PublicBaseUrl = $"http://127.0.0.1:{port}";
            s.Upstream.Url = upstream.Url;
            s.Signatures.InternalDomains = ["example.com"];
            s.Checks.InternalDomains = ["example.com"];
            s.Checks.Actions[ForgottenAttachmentCheck.Id] = CheckAction.Refuse;
            s.Hold.MaxSeconds = 600;
            configure?.Invoke(s);
        });
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.AddUserAsync("alice@example.com", AlicePassword, holdSeconds: 120);
        var aliceToken = (await envoi.Get<Envoi.Core.Users.UserAccounts>().CreateTokenAsync("test", "alice@example.com", "test", default))!;
        var alice = new HttpClient { BaseAddress = envoi.Http.BaseAddress };
        alice.DefaultRequestHeaders.Authorization = new("Bearer", aliceToken);
        await envoi.ImportEmployeesAsync("email,displayName,jobTitle,preferredLanguage\nalice@example.com,Alice Martin,Account Manager,fr\nbob@example.com,Bob Durand,Engineer,en\n");
        await PutAsync(admin, "/api/signatures/full", new { html = FullHtml, text = FullText });
        await PutAsync(admin, "/api/signatures/short", new { html = "<p class=\"sig\">{{ displayName }} (short)</p>", text = "{{ displayName }} (short)" });
        var rules = await admin.PutAsync("/api/signatures/rules", new StringContent("""
            [ { "name": "colleagues", "when": { "recipients": "allInternal" }, "then": { "signature": "short" } },
              { "name": "customers", "when": {}, "then": { "signature": "full" } } ]
            """, Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());
        await PutAsync(admin, "/api/signatures/employees/alice@example.com", new { allowed = new[] { "full", "short", "none" } });
        return new AddinGateway(upstream, envoi, admin, alice, aliceToken);
    }

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        Alice.Dispose();
        await Envoi.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
