using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Tracking;
using Envoi.Core.Tracking.Statistics;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary>The export is written to the response as the rows come (chunked, no length known in advance) and holds the API's numbers.</summary>
public class StreamedExportTests
{
    [Fact]
    public async Task A_several_thousand_row_export_is_streamed_and_equals_the_api()
    {
        await using var envoi = await TrackingFixture.StartAsync();
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        var store = envoi.Get<ILinkStore>();
        await using (var rows = new LinkRows(store, TimeProvider.System, NullLogger.Instance))
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 3000).Select(i =>
                rows.EnsureAsync([new NewLink($"M{i}", 7, "corporate", 0, LinkKind.Click, $"https://example.com/page/{i}")], default)));
            var recorder = envoi.Get<TrackingRecorder>();
            for (var i = 0; i < ids.Length; i++)
            {
                var link = (await store.FindAsync(ids[i][0], default))!;
                for (var c = 0; c <= i % 3; c++) recorder.Clicks.Post(Click.Of(link, DateTimeOffset.UtcNow, c == 2 ? "test scanner" : null));
            }
            await recorder.FlushAsync(default);
        }

        var api = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=7d&by=link");
        var expected = api.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.GetProperty("label").GetString()!, r => (r.GetProperty("humanClicks").GetInt64(), r.GetProperty("automatedClicks").GetInt64()));
        Assert.Equal(3000, expected.Count);

        var xlsx = await admin.GetAsync("/api/stats/export?format=xlsx&period=7d&by=link", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Null(xlsx.Content.Headers.ContentLength);
        Assert.True(xlsx.Headers.TransferEncodingChunked);
        Assert.Contains("envoi-stats-", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = book.Query<StatsExport.NamedLine>(sheetName: "link").ToDictionary(r => r.Name, r => (r.HumanClicks, r.AutomatedClicks));
        Assert.Equal(expected, sheet);

        var csv = await admin.GetAsync("/api/stats/export?format=csv&period=7d&by=link", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(csv.Content.Headers.ContentLength);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Name,MessagesSigned,HumanClicks,AutomatedClicks,ImageLoads,ClickRate", lines[0]);
        var fromCsv = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => (long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture)));
        Assert.Equal(expected, fromCsv);
    }
}
