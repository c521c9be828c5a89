using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Envoi.Tests.Support;
using Xunit;

namespace Envoi.Tests.Localization;

/// <summary>The console speaks the employee's directory language, else the browser's, else English; every key a page uses has its French.</summary>
public sealed class ConsoleLanguageTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync() => _envoi = await EnvoiTestHost.StartAsync(_ => { });

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private static string WebSource([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "Envoi.Web"));

    [Fact]
    public void Every_key_a_page_uses_has_a_French_entry()
    {
        var french = XDocument.Load(Path.Combine(WebSource(), "Localization", "ConsoleText.fr.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value"));
        var pages = Directory.EnumerateFiles(Path.Combine(WebSource(), "Pages"), "*.cs*", SearchOption.AllDirectories).ToList();
        var keys = pages.SelectMany(f => Regex.Matches(File.ReadAllText(f), "T\\[\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value)))).ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !french.TryGetValue(k.Key, out var value) || string.IsNullOrWhiteSpace(value)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
    }

    private async Task<string> LoginPageAsync(string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await _envoi.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        // Razor writes accented letters as character references: compare the text a reader sees.
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_French_browser_gets_the_sign_in_page_in_French_and_an_English_one_in_English()
    {
        var french = await LoginPageAsync("fr-FR,fr;q=0.9,en;q=0.5");
        Assert.Contains("<html lang=\"fr\">", french);
        Assert.Contains("Se connecter à Envoi", french);
        Assert.Contains("Mot de passe", french);

        var english = await LoginPageAsync("en-GB,en;q=0.9");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Sign in to Envoi", english);
        Assert.DoesNotContain("Mot de passe", english);

        // A language without a resource file gets the default, English.
        Assert.Contains("Sign in to Envoi", await LoginPageAsync("ja-JP"));
    }

    [Fact]
    public async Task A_page_model_message_follows_the_browser_language()
    {
        var login = await LoginPageAsync("fr");
        var antiforgery = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "nobody@example.com", ["Password"] = "wrong-password", ["__RequestVerificationToken"] = antiforgery }),
        };
        request.Headers.AcceptLanguage.ParseAdd("fr");
        using var response = await _envoi.Http.SendAsync(request);
        Assert.Contains("E-mail ou mot de passe incorrect.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_employee_whose_directory_language_is_French_gets_French_pages_in_an_English_browser()
    {
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
        await _envoi.ImportEmployeesAsync("email,displayName,preferredLanguage\nalice@example.com,Alice Martin,fr-CA\n");
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(_envoi.Http.BaseAddress!, "alice@example.com", "alice-password");
        Assert.Equal("en-US", await page.EvaluateAsync<string>("navigator.language"));
        await page.GotoAsync("/portal");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Mes signatures", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Se déconnecter", await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Se déconnecter" }).InnerTextAsync());
    }

    private static string Antiforgery(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>A client holding the console cookie of a user signed in through the login form.</summary>
    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = _envoi.Http.BaseAddress };
        var login = await client.GetStringAsync("/login");
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = Antiforgery(login),
        }));
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path, string acceptLanguage, HttpContent? form = null)
    {
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, path) { Content = form };
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return System.Net.WebUtility.HtmlDecode(body);
    }

    [Fact]
    public async Task Admin_and_marketing_pages_come_out_in_French_for_a_French_browser_and_in_English_otherwise()
    {
        await _envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        using var admin = await SignedInAsync("admin@example.com", "admin-password");

        var templates = await PageAsync(admin, "/admin/templates", "fr-FR,fr;q=0.9");
        Assert.Contains("<html lang=\"fr\">", templates);
        Assert.Contains("<h1>Modèles de signature</h1>", templates);
        Assert.Contains("Nouveau modèle", templates);
        var englishTemplates = await PageAsync(admin, "/admin/templates", "en-US,en;q=0.9");
        Assert.Contains("<html lang=\"en\">", englishTemplates);
        Assert.Contains("<h1>Signature templates</h1>", englishTemplates);
        Assert.DoesNotContain("Modèle", englishTemplates);

        var campaigns = await PageAsync(admin, "/marketing/campaigns", "fr");
        Assert.Contains("<h2>Nouvelle campagne</h2>", campaigns);
        Assert.Contains("Créer la campagne", campaigns);
        Assert.Contains("Destinataires externes uniquement", campaigns);
        var englishCampaigns = await PageAsync(admin, "/marketing/campaigns", "de-DE");
        Assert.Contains("<h2>New campaign</h2>", englishCampaigns);
        Assert.DoesNotContain("campagne", englishCampaigns);
    }

    [Fact]
    public async Task The_employee_page_and_its_messages_follow_the_browser_language()
    {
        await _envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await _envoi.ImportEmployeesAsync("email,displayName\nbob@example.com,Bob Durand\n");
        using var admin = await SignedInAsync("admin@example.com", "admin-password");

        var french = await PageAsync(admin, "/admin/employee?email=bob@example.com", "fr");
        Assert.Contains("Enregistrer les valeurs de l'annuaire", french);
        Assert.Contains("Source : import", french);
        Assert.Contains("actif", french);
        var english = await PageAsync(admin, "/admin/employee?email=bob@example.com", "en");
        Assert.Contains("Save directory values", english);
        Assert.Contains("Source: import", english);

        // A page model's own sentence: nothing changed, said in the browser's language.
        var saved = await PageAsync(admin, "/admin/employee?email=bob@example.com", "fr", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "bob@example.com", ["Values[displayName]"] = "Bob Durand", ["__RequestVerificationToken"] = Antiforgery(french),
        }));
        Assert.Contains("<div class=\"notice\" role=\"status\">Rien à modifier.</div>", saved);
    }

    [Fact]
    public async Task The_add_in_sign_in_page_speaks_the_chosen_language_in_its_html_lang_and_text()
    {
        await _envoi.AddUserAsync("carol@example.com", "carol-password");
        using var carol = await SignedInAsync("carol@example.com", "carol-password");

        var french = await PageAsync(carol, "/addin/signin", "fr-CA,fr;q=0.8");
        Assert.Contains("<html lang=\"fr\">", french);
        Assert.Contains("<title>Connecter Outlook à Envoi</title>", french);
        Assert.Contains("Connecté à Envoi en tant que <strong>carol@example.com</strong>", french);
        Assert.Contains("(nommé <code>outlook-addin</code>)", french);
        Assert.Contains("Connecter Outlook</button>", french);

        var english = await PageAsync(carol, "/addin/signin", "en-GB");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Signed in to Envoi as <strong>carol@example.com</strong>", english);
        Assert.Contains("(named <code>outlook-addin</code>)", english);
        Assert.Contains("Connect Outlook</button>", english);
    }
}
