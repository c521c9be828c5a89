using System.Net;
using System.Xml.Linq;
using Envoi.Web.Addin;
using SkiaSharp;

namespace Envoi.Tests.Addin;

/// <summary>GET /addin/manifest.xml: an Outlook MailApp manifest built from Http:PublicBaseUrl whose every URL is served.</summary>
public sealed class AddinManifestTests
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    [Fact]
    public async Task The_manifest_is_a_MailApp_under_the_public_base_url_and_every_url_it_names_is_served()
    {
        await using var gateway = await AddinGateway.StartAsync();
        var response = await gateway.Envoi.Http.GetAsync("/addin/manifest.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = xml.Root!;

        Assert.Equal(App + "OfficeApp", root.Name);
        Assert.Equal("MailApp", root.Attribute(Xsi + "type")?.Value);
        Assert.True(Guid.TryParse(root.Element(App + "Id")?.Value, out var id));
        Assert.Equal(AddinManifest.IdFor(gateway.BaseUrl), id);
        Assert.Equal("Mailbox", root.Element(App + "Hosts")!.Element(App + "Host")!.Attribute("Name")!.Value);
        Assert.Equal("ReadWriteItem", root.Element(App + "Permissions")!.Value);
        // The schema's order for a MailApp, which Outlook enforces when the manifest is uploaded.
        var order = root.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(new[] { "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl",
            "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "VersionOverrides" }, order);

        var all = xml.Descendants();
        var events = all.Where(e => e.Name.LocalName == "LaunchEvent").ToDictionary(e => e.Attribute("Type")!.Value, e => e);
        Assert.Equal("onMessageSendHandler", events["OnMessageSend"].Attribute("FunctionName")!.Value);
        Assert.Equal("SoftBlock", events["OnMessageSend"].Attribute("SendMode")!.Value);
        Assert.False(events.ContainsKey("OnNewMessageCompose")); // Addin:InsertSignature is off by default
        Assert.Equal("1.12", all.Single(e => e.Name.LocalName == "Sets" && e.Attribute("DefaultMinVersion") is not null).Attribute("DefaultMinVersion")!.Value);
        Assert.Single(all, e => e.Name.LocalName == "Control" && e.Attribute("id")?.Value == AddinManifest.PaneCommandId);
        var sizes = all.Where(e => e.Name.LocalName == "Image" && e.Attribute("size") is not null).Select(e => e.Attribute("size")!.Value).ToList();
        Assert.Equal(new[] { "16", "32", "80" }, sizes);
        var french = all.Single(e => e.Name.LocalName == "String" && e.Attribute("id")?.Value == "Pane.Tooltip").Elements().Single(e => e.Attribute("Locale")?.Value == "fr-FR");
        Assert.Contains("signature", french.Attribute("Value")!.Value);

        // Every URL in the manifest is this Envoi's and answers with the right kind of file.
        var urls = all.SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value).Concat(all.Where(e => !e.HasElements).Select(e => e.Value))
            .Where(v => v.StartsWith("http", StringComparison.Ordinal) && !v.StartsWith("http://schemas.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(urls.Count >= 10, string.Join("\n", urls));
        foreach (var url in urls)
        {
            Assert.StartsWith(gateway.BaseUrl, url);
            var file = await gateway.Envoi.Http.GetAsync(url);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{url}: {(int)file.StatusCode}");
            var type = file.Content.Headers.ContentType?.MediaType;
            var path = new Uri(url).AbsolutePath;
            if (path.EndsWith(".png"))
            {
                Assert.Equal("image/png", type);
                using var bitmap = SKBitmap.Decode(await file.Content.ReadAsByteArrayAsync());
                var size = int.Parse(path[(path.LastIndexOf('-') + 1)..^4]);
                Assert.Equal((size, size), (bitmap.Width, bitmap.Height));
            }
            else if (path.EndsWith(".html")) Assert.Equal("text/html", type);
            else if (path.EndsWith(".js")) Assert.Equal("text/javascript", type);
        }
        // The files the pages load themselves are served too.
        foreach (var page in new[] { "/addin/taskpane.js", "/addin/taskpane.css", "/addin/signin.js", "/addin/settings.json" })
            Assert.Equal(HttpStatusCode.OK, (await gateway.Envoi.Http.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Envoi.Http.GetAsync("/addin/icon-17.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Envoi.Http.GetAsync("/addin/secrets.txt")).StatusCode);
    }

    [Fact]
    public async Task Insert_signature_setting_declares_OnNewMessageCompose_and_reaches_the_add_in()
    {
        await using var gateway = await AddinGateway.StartAsync(s => s.Addin.InsertSignature = true);
        var xml = XDocument.Parse(await gateway.Envoi.Http.GetStringAsync("/addin/manifest.xml"));
        var launch = Assert.Single(xml.Descendants(), e => e.Name.LocalName == "LaunchEvent" && e.Attribute("Type")?.Value == "OnNewMessageCompose");
        Assert.Equal("onNewMessageComposeHandler", launch.Attribute("FunctionName")!.Value);
        Assert.Contains("\"insertSignature\":true", await gateway.Envoi.Http.GetStringAsync("/addin/settings.json"));
    }

    [Fact]
    public void The_add_in_id_is_stable_for_a_deployment_and_differs_between_deployments()
    {
        Assert.Equal(AddinManifest.IdFor("https://envoi.example.com"), AddinManifest.IdFor("https://envoi.example.com/"));
        Assert.NotEqual(AddinManifest.IdFor("https://envoi.example.com"), AddinManifest.IdFor("https://staging.envoi.example.com"));
        Assert.Equal(5, AddinManifest.IdFor("https://envoi.example.com").Version);
        var configured = Guid.NewGuid();
        Assert.Contains($"<Id>{configured}</Id>", AddinManifest.Build(new AddinOptions { Id = configured }, "https://envoi.example.com"));
    }
}
