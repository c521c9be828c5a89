using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Envoi.Core.Csv;

namespace Envoi.Core.Tracking.Statistics;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes statistics views to a file: xlsx (one sheet per view, typed columns, days as dates,
/// written by MiniExcel as the rows stream) or CSV (one view after another, each with its header).
/// The rows are the API's rows, from the same <see cref="StatisticsService"/>. CSV cells that a
/// spreadsheet would run as a formula are escaped (<see cref="CsvFormulaGuard"/>);
/// xlsx needs nothing: MiniExcel writes every string as a text cell, never as a formula.
/// </summary>
public static class StatsExport
{
    public static Task WriteAsync(Stream output, ExportFormat format, IReadOnlyList<StatsReport> reports, CancellationToken ct) =>
        WriteAsync(output, format, reports.Select(r => new StatsSheet(r.By, r.Rows.ToAsyncEnumerable())).ToList(), ct);

    /// <summary>
    /// Writes the views as their rows arrive: MiniExcel and CsvHelper both consume the rows one by
    /// one, so memory stays flat whatever the number of rows.
    /// </summary>
    public static async Task WriteAsync(Stream output, ExportFormat format, IReadOnlyList<StatsSheet> sheets, CancellationToken ct)
    {
        if (format == ExportFormat.Xlsx)
        {
            var named = new Dictionary<string, object>();
            foreach (var sheet in sheets)
                named[SheetName(sheet.By)] = sheet.By == StatsDimension.Day ? sheet.Rows.Select(DayLine.Of) : sheet.Rows.Select(NamedLine.Of);
            await output.SaveAsAsync(named, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: ct);
            return;
        }
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CsvFormulaGuard.Configuration());
        foreach (var sheet in sheets)
        {
            if (sheet.By == StatsDimension.Day) await csv.WriteRecordsAsync(sheet.Rows.Select(DayLine.Of), ct);
            else await csv.WriteRecordsAsync(sheet.Rows.Select(NamedLine.Of), ct);
        }
    }

    public static string SheetName(StatsDimension by) => by.ToWire();

    /// <summary>A row of the day view: the day as a real date, so spreadsheets can chart and filter it.</summary>
    public sealed class DayLine
    {
        [ExcelFormat("yyyy-MM-dd")]
        public DateTime Day { get; set; }
        public long MessagesSigned { get; set; }
        public long HumanClicks { get; set; }
        public long AutomatedClicks { get; set; }
        public long ImageLoads { get; set; }
        public double ClickRate { get; set; }

        public static DayLine Of(StatsRow r) => new()
        {
            Day = DateOnly.ParseExact(r.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue),
            MessagesSigned = r.MessagesSigned, HumanClicks = r.HumanClicks, AutomatedClicks = r.AutomatedClicks, ImageLoads = r.ImageLoads, ClickRate = r.ClickRate,
        };
    }

    /// <summary>A row of the employee, signature, campaign or link view.</summary>
    public sealed class NamedLine
    {
        public string Name { get; set; } = "";
        public long MessagesSigned { get; set; }
        public long HumanClicks { get; set; }
        public long AutomatedClicks { get; set; }
        public long ImageLoads { get; set; }
        public double ClickRate { get; set; }

        public static NamedLine Of(StatsRow r) => new()
        {
            Name = r.Label, MessagesSigned = r.MessagesSigned, HumanClicks = r.HumanClicks, AutomatedClicks = r.AutomatedClicks, ImageLoads = r.ImageLoads, ClickRate = r.ClickRate,
        };
    }
}

/// <summary>One view to export: which, and its rows as they come.</summary>
public sealed record StatsSheet(StatsDimension By, IAsyncEnumerable<StatsRow> Rows);
