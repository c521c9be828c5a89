using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Envoi.Cli;
using Envoi.Core.Green;
using Envoi.Core.Green.Report;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Signatures;
using Envoi.Tests.Support;
using MimeKit;
using MiniExcelLibs;

namespace Envoi.Tests.Green;

/// <summary>
/// Green IT end to end: an oversized logo uploaded through the API is optimized for the size the
/// template shows it, mail goes through the real gateway, and the report counts exactly that traffic.
/// </summary>
public class GreenReportGatewayTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private const string Html = "<p style=\"color:#0a3d62;font-family:Arial\">{{ displayName }} | {{ jobTitle }}</p><img src=\"/assets/logo.png\" width=\"100\" height=\"50\" alt=\"Example\">";

    private static MimeMessage Message(params string[] to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        message.Subject = "Offer";
        message.Body = new BodyBuilder { TextBody = "Here is our offer.\r\n", HtmlBody = "<html><body><p>Here is our offer.</p></body></html>" }.ToMessageBody();
        return message;
    }

    [Fact]
    public async Task The_report_matches_the_traffic_sent_through_the_gateway_and_counts_what_optimization_saved()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = _upstream.Url;
            s.Signatures.InternalDomains = ["example.com"];
            s.Http.PublicBaseUrl = "https://envoi.example.com";
            s.Green.BudgetBytes = 4_000;
            s.Green.BrandColors = ["#0a3d62"];
            s.Green.BrandFonts = ["Arial"];
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.ImportEmployeesAsync("email,displayName,jobTitle\nalice@example.com,Alice Martin,Sales Director\n");
        await PutTemplateAsync(admin, Html);
        var rules = await admin.PutAsync("/api/signatures/rules", new StringContent("""[{ "name": "all", "when": {}, "then": { "signature": "external" } }]""", Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());

        // Upload: optimized for 100 CSS px × 2, the original kept.
        var original = TestImages.Png(800, 400);
        var upload = await admin.PutAsync("/api/signatures/assets/logo.png", new ByteArrayContent(original));
        var uploaded = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.True(upload.IsSuccessStatusCode, uploaded.ToString());
        Assert.True(uploaded.GetProperty("optimized").GetBoolean());
        Assert.Equal(200, uploaded.GetProperty("width").GetInt32());
        var served = await new HttpClient().GetByteArrayAsync(new Uri(envoi.Http.BaseAddress!, "/assets/logo.png"));
        Assert.Equal(uploaded.GetProperty("bytes").GetInt32(), served.Length);
        Assert.True(served.Length < original.Length / 2, $"{original.Length} → {served.Length}");
        Assert.Equal((200, 100, 1), TestImages.Decode(served));

        // A decompression bomb is refused with a sentence, and nothing is stored.
        var bomb = await admin.PutAsync("/api/signatures/assets/bomb.png", new ByteArrayContent(TestImages.PngBomb()));
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("50000", await bomb.Content.ReadAsStringAsync());

        // Saving again: the logo now weighs more than the 4 KB budget; brand colors and font pass.
        var saved = await PutTemplateAsync(admin, Html);
        Assert.Contains("green-budget", saved);
        Assert.DoesNotContain("brand-", saved);
        var offBrand = await PutTemplateAsync(admin, Html.Replace("#0a3d62", "#ff0000"));
        Assert.Contains("brand-color", offBrand);
        await PutTemplateAsync(admin, Html);

        // Traffic: three messages, four recipients.
        foreach (var to in new[] { new[] { "carl@client.test" }, ["dora@client.test", "emil@client.test"], ["carl@client.test"] })
            await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", Message(to)), MessageStatus.Relayed);
        Assert.Contains("https://envoi.example.com/assets/logo.png", Assert.Single(_upstream.For("dora@client.test")).Parse().HtmlBody);

        var sender = await envoi.Get<SignatureResolver>().FindSenderAsync(["alice@example.com"], default);
        var template = await envoi.Get<ISignatureStore>().TemplateAsync("external", default);
        var rendered = await envoi.Get<SignatureComposer>().RenderAsync(template!, sender!, default);
        long perMessage = Encoding.UTF8.GetByteCount(rendered.Html) + Encoding.UTF8.GetByteCount(rendered.Text);

        var response = await admin.GetAsync("/api/green/report?days=30");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        var row = json.GetProperty("signatures").EnumerateArray().Single(s => s.GetProperty("signature").GetString() == "external");
        Assert.Equal(3, row.GetProperty("messages").GetInt64());
        Assert.Equal(4, row.GetProperty("recipients").GetInt64());
        Assert.Equal(1, row.GetProperty("employees").GetInt32());
        Assert.Equal(served.Length, row.GetProperty("hostedImageBytes").GetInt32());
        Assert.Equal(perMessage, row.GetProperty("bytesAddedPerMessage").GetInt64());
        Assert.Equal(3 * perMessage, row.GetProperty("bytesAddedPerMonth").GetInt64());
        Assert.Equal((long)Math.Round(3 * perMessage * 365 / 30.0), row.GetProperty("bytesAddedPerYear").GetInt64());
        Assert.True(row.GetProperty("overBudget").GetBoolean());
        // Each of the 4 recipients would have downloaded the original logo instead.
        Assert.Equal(4L * (original.Length - served.Length), row.GetProperty("savedBytesPerMonth").GetInt64());
        var factors = new Co2Factors();
        var expectedGrams = factors.Grams(perMessage * 4 + 4.0 * served.Length, perMessage * (4 + 3));
        Assert.Equal(expectedGrams, row.GetProperty("co2GramsPerMonth").GetDouble(), 9);
        Assert.Equal(factors.Grams(4.0 * (original.Length - served.Length), 0), row.GetProperty("co2SavedGramsPerMonth").GetDouble(), 9);
        var employee = json.GetProperty("employees").EnumerateArray().Single();
        Assert.Equal("alice@example.com", employee.GetProperty("email").GetString());
        Assert.Equal(3 * perMessage, employee.GetProperty("bytesAdded").GetInt64());

        // The exports carry the same numbers.
        var report = await envoi.Get<GreenReportBuilder>().BuildAsync(30, default);
        var csv = GreenReportExport.Csv(report, byEmployee: false).Split('\n');
        Assert.StartsWith("signature,images,html_bytes", csv[0]);
        Assert.StartsWith("external,hosted,", csv[1]);
        Assert.Contains($",1,3,4,{perMessage},{3 * perMessage},", csv[1]);
        var byEmployee = GreenReportExport.Csv(report, byEmployee: true).Split('\n');
        Assert.StartsWith($"external,alice@example.com,{Encoding.UTF8.GetByteCount(rendered.Html)},{Encoding.UTF8.GetByteCount(rendered.Text)},0,{served.Length},3,4,{3 * perMessage},", byEmployee[1]);
        var xlsx = Path.Combine(envoi.DataDirectory, "green.xlsx");
        await using (var output = File.Create(xlsx)) await GreenReportExport.WriteXlsxAsync(report, output, default);
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Signatures").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(3.0, Convert.ToDouble(sheet["Messages"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsType<double>(sheet["BytesAddedPerMonth"]);
    }

    private static async Task<string> PutTemplateAsync(HttpClient admin, string html)
    {
        var response = await admin.PutAsJsonAsync("/api/signatures/external", new { html, text = "{{ displayName }} | {{ jobTitle }}", images = "hosted" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }
}
