using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Envoi.Core.Green.Report;

/// <summary>The Green IT report as files: CSV (invariant numbers, one header row) and xlsx (a sheet per table, numbers typed as numbers).</summary>
public static class GreenReportExport
{
    public static string Csv(GreenReport report, bool byEmployee) => byEmployee
        ? Csv(report.Employees, ["signature", "employee", "html_bytes", "text_bytes", "embedded_image_bytes", "hosted_image_bytes", "messages", "recipients", "bytes_added", "bytes_added_per_month", "co2_grams_per_month"],
            e => [e.Signature, e.Email, e.HtmlBytes, e.TextBytes, e.EmbeddedImageBytes, e.HostedImageBytes, e.Messages, e.Recipients, e.BytesAdded, e.BytesAddedPerMonth, Math.Round(e.Co2GramsPerMonth, 4)])
        : Csv(report.Signatures, ["signature", "images", "html_bytes", "text_bytes", "embedded_image_bytes", "hosted_image_bytes", "over_budget", "employees", "messages", "recipients",
                "bytes_added_per_message", "bytes_added_per_month", "bytes_added_per_year", "bytes_transferred_per_month", "co2_grams_per_month", "co2_grams_per_year", "saved_bytes_per_month", "co2_saved_grams_per_month"],
            s => [s.Signature, s.Images, s.HtmlBytes, s.TextBytes, s.EmbeddedImageBytes, s.HostedImageBytes, s.OverBudget, s.Employees, s.Messages, s.Recipients,
                s.BytesAddedPerMessage, s.BytesAddedPerMonth, s.BytesAddedPerYear, s.BytesTransferredPerMonth, Math.Round(s.Co2GramsPerMonth, 4), Math.Round(s.Co2GramsPerYear, 4),
                s.SavedBytesPerMonth, Math.Round(s.Co2SavedGramsPerMonth, 4)]);

    /// <summary>Writes the xlsx to <paramref name="output"/> (a file for the CLI, the response for the console).</summary>
    public static Task WriteXlsxAsync(GreenReport report, Stream output, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Signatures"] = report.Signatures,
            ["Employees"] = report.Employees,
            ["Model"] = new[] { new { From = report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To = report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Days, report.BudgetBytes, report.Co2Model } },
        };
        return MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);
    }

    private static string Csv<T>(IEnumerable<T> rows, string[] header, Func<T, object[]> values)
    {
        var csv = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows) csv.AppendJoin(',', values(row).Select(Field)).Append('\n');
        return csv.ToString();
    }

    private static string Field(object value) => value switch
    {
        string s when s.IndexOfAny([',', '"', '\n', '\r']) >= 0 => $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
