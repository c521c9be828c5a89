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
}
