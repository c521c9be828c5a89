using CsvHelper;
using Envoi.Core.Csv;
using Envoi.Core.Directory.Import;
using MiniExcelLibs;

namespace Envoi.Core.Directory;

/// <summary>
/// Audit entries as a file for auditors: CSV (formula cells escaped, as every Envoi export) or
/// xlsx (MiniExcel writes strings as text cells, never formulas). One row per entry, times in UTC.
/// </summary>
public static class AuditExport
{
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CsvFormulaGuard.Configuration());
        await csv.WriteRecordsAsync(entries.Select(Line.Of), ct);
    }

    public static Task WriteXlsxAsync(Stream output, IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        output.SaveAsAsync(entries.Select(Line.Of), printHeader: true, excelType: ExcelType.XLSX, cancellationToken: ct);

    private sealed record Line(string At, string Actor, string Action, string Subject, string Details, string Before, string After)
    {
        public static Line Of(AuditEntry e) =>
            new(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'"), e.Actor, e.Action, e.Subject, e.Details, e.Before ?? "", e.After ?? "");
    }
}
