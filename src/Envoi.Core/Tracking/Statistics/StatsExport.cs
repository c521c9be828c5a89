using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Envoi.Core.Tracking.Statistics;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes statistics views to a file: xlsx (one sheet per view, typed columns, days as dates,
/// written by MiniExcel as the rows stream) or CSV (one view after another, each with its header).
/// The rows are the API's rows, from the same <see cref="StatisticsService"/>.
/// </summary>
public static class StatsExport
{
    public static async Task WriteAsync(Stream output, ExportFormat format, IReadOnlyList<StatsReport> reports, CancellationToken ct)
    {
        if (format == ExportFormat.Xlsx)
        {
            var sheets = new Dictionary<string, object>();
            foreach (var report in reports)
                sheets[SheetName(report.By)] = report.By == StatsDimension.Day ? report.Rows.Select(DayLine.Of) : report.Rows.Select(NamedLine.Of);
            await output.SaveAsAsync(sheets, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: ct);
            return;
        }
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var report in reports)
        {
            if (report.By == StatsDimension.Day) await csv.WriteRecordsAsync(report.Rows.Select(DayLine.Of), ct);
            else await csv.WriteRecordsAsync(report.Rows.Select(NamedLine.Of), ct);
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
