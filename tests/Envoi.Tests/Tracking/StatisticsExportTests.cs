using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Core.Tracking;
using Envoi.Core.Tracking.Statistics;
using Envoi.Tests.Support;
using MiniExcelLibs;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary>The statistics API, its export and <c>envoi stats export</c> give the same numbers; bad periods get a 400.</summary>
public class StatisticsExportTests
{
    private static async Task<(EnvoiTestHost Envoi, HttpClient Admin)> StartWithClicksAsync()
    {
        var envoi = await TrackingFixture.StartAsync();
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.ImportEmployeesAsync("email,displayName\nalice@example.com,Alice Martin\nbob@example.com,Bob Durand\n");
        var directory = envoi.Get<IDirectoryStore>();
        var alice = (await directory.FindAsync("alice@example.com", default))!.Id;
        var bob = (await directory.FindAsync("bob@example.com", default))!.Id;
        var recorder = envoi.Get<TrackingRecorder>();
        for (var i = 0; i < 4; i++) recorder.Signed.Post(new SignedMessage($"A{i}", alice, "corporate", 0, DateTimeOffset.UtcNow));
        for (var i = 0; i < 2; i++) recorder.Signed.Post(new SignedMessage($"B{i}", bob, "short", 0, DateTimeOffset.UtcNow));
        recorder.Signed.Post(new SignedMessage("A0", alice, "corporate", 0, DateTimeOffset.UtcNow)); // a retry: not counted twice

        using var http = TrackingFixture.NoRedirects(envoi);
        var aliceLink = await TrackingFixture.LinkAsync(envoi, "https://example.com/a", message: "A0", employee: alice);
        var bobLink = await TrackingFixture.LinkAsync(envoi, "https://example.com/b", message: "B0", employee: bob, signature: "short");
        for (var i = 0; i < 3; i++) await http.SendAsync(TrackingFixture.Get(aliceLink));
        await http.SendAsync(TrackingFixture.Get(bobLink));
        await http.SendAsync(TrackingFixture.Get(bobLink, "Barracuda Sentinel"));
        await recorder.FlushAsync(default);
        return (envoi, admin);
    }

    [Fact]
    public async Task The_api_the_xlsx_and_the_csv_export_give_the_same_numbers()
    {
        var (envoi, admin) = await StartWithClicksAsync();
        await using var _ = envoi;
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=7d&by=employee");
        var apiRows = api.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!);
        Assert.Equal(4, apiRows["alice@example.com"].GetProperty("messagesSigned").GetInt64());
        Assert.Equal(3, apiRows["alice@example.com"].GetProperty("humanClicks").GetInt64());
        Assert.Equal(0.75, apiRows["alice@example.com"].GetProperty("clickRate").GetDouble());
        Assert.Equal(1, apiRows["bob@example.com"].GetProperty("automatedClicks").GetInt64());
        Assert.Equal(6, api.GetProperty("totals").GetProperty("messagesSigned").GetInt64());

        var xlsx = await admin.GetAsync("/api/stats/export?format=xlsx&period=7d&by=day,employee");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["day", "employee"], MiniExcel.GetSheetNames(book));
        var sheet = book.Query<StatsExport.NamedLine>(sheetName: "employee").ToDictionary(r => r.Name);
        foreach (var (label, row) in apiRows)
        {
            Assert.Equal(row.GetProperty("messagesSigned").GetInt64(), sheet[label].MessagesSigned);
            Assert.Equal(row.GetProperty("humanClicks").GetInt64(), sheet[label].HumanClicks);
            Assert.Equal(row.GetProperty("automatedClicks").GetInt64(), sheet[label].AutomatedClicks);
            Assert.Equal(row.GetProperty("clickRate").GetDouble(), sheet[label].ClickRate, 6);
        }
        var days = book.Query<StatsExport.DayLine>(sheetName: "day").ToList();
        Assert.Equal(7, days.Count);
        Assert.Equal(DateTime.UtcNow.Date, days[^1].Day);
        Assert.Equal(6, days.Sum(d => d.MessagesSigned));
        Assert.Equal(4, days.Sum(d => d.HumanClicks));

        var csv = await admin.GetStringAsync("/api/stats/export?format=csv&period=7d&by=employee");
        Assert.Contains("Name,MessagesSigned,HumanClicks,AutomatedClicks,ImageLoads,ClickRate", csv);
        Assert.Contains("alice@example.com,4,3,0,0,0.75", csv);

        // The CLI writes the same file from the same service.
        var file = Path.Combine(envoi.DataDirectory, "out.xlsx");
        var (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "stats", "export", "--format", "xlsx", "--period", "7d", "--by", "employee", "--out", file);
        Assert.True(exit == 0, output);
        var cli = MiniExcel.Query<StatsExport.NamedLine>(file, sheetName: "employee").ToDictionary(r => r.Name);
        Assert.Equal(sheet.Keys.Order(), cli.Keys.Order());
        foreach (var (label, row) in sheet) Assert.Equal((row.MessagesSigned, row.HumanClicks, row.AutomatedClicks), (cli[label].MessagesSigned, cli[label].HumanClicks, cli[label].AutomatedClicks));
    }

    [Fact]
    public async Task Search_by_name_and_every_view_answer()
    {
        var (envoi, admin) = await StartWithClicksAsync();
        await using var _ = envoi;
        var bob = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=today&by=employee&q=BOB");
        Assert.Equal("bob@example.com", Assert.Single(bob.GetProperty("rows").EnumerateArray()).GetProperty("label").GetString());
        var links = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=30d&by=link&q=example.com/a");
        Assert.Equal(3, Assert.Single(links.GetProperty("rows").EnumerateArray()).GetProperty("humanClicks").GetInt64());
        var signatures = await admin.GetFromJsonAsync<JsonElement>($"/api/stats?from={DateTime.UtcNow:yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}&by=signature");
        Assert.Equal(2, signatures.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/stats?from=yesterday")]
    [InlineData("/api/stats?from=2026-12-31&to=2026-01-01")]
    [InlineData("/api/stats?from=2000-01-01&to=2026-01-01")]
    [InlineData("/api/stats?period=forever")]
    [InlineData("/api/stats?period=7d&from=2026-01-01")]
    [InlineData("/api/stats?by=planet")]
    [InlineData("/api/stats/export?format=pdf")]
    [InlineData("/api/stats/export?by=day,moon")]
    public async Task Invalid_periods_and_views_get_a_400_that_says_why(string url)
    {
        await using var envoi = await TrackingFixture.StartAsync();
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The statistics were not computed.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/stats?q=" + new string('x', 300))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await envoi.Http.GetAsync("/api/stats")).StatusCode);
    }
}
