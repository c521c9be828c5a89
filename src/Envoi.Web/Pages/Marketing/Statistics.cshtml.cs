using Envoi.Core.Tracking.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Marketing;

/// <summary>Statistics per day, employee, signature, campaign or link for a period, with the API's export files.</summary>
public sealed class StatisticsModel(StatisticsService stats, IStringLocalizer<ConsoleText> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? By { get; set; } = "day";
    [BindProperty(SupportsGet = true)] public string? Period { get; set; } = "30d";
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public StatsDimension Dimension { get; private set; }
    public StatsReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!StatsDimensions.TryParse(By, out var dimension)) { Problem = T["Choose a view: day, employee, signature, campaign or link."]; return; }
        Dimension = dimension;
        if (Q is { Length: > StatisticsService.MaxQueryLength }) { Problem = T["The search is limited to {0} characters.", StatisticsService.MaxQueryLength]; return; }
        // A custom range comes with an empty period; a preset ignores the dates.
        var (period, problem) = string.IsNullOrEmpty(Period) ? StatsPeriod.Parse(null, From, To, stats.Today) : StatsPeriod.Parse(Period, null, null, stats.Today);
        if (period is null) { Problem = problem; return; }
        Report = await stats.ReportAsync(dimension, period, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), ct);
    }

    public string ExportUrl(string format)
    {
        var range = string.IsNullOrEmpty(Period) ? $"from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}" : $"period={Uri.EscapeDataString(Period)}";
        return $"/marketing/statistics?handler=Export&format={format}&by={Uri.EscapeDataString(By ?? "day")}&{range}&q={Uri.EscapeDataString(Q ?? "")}";
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var kind = format == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx;
        await OnGetAsync(ct);
        if (Report is null) return BadRequest(Problem ?? T["The statistics were not computed."]);
        var buffer = new MemoryStream();
        await StatsExport.WriteAsync(buffer, kind, [Report], ct);
        return File(buffer.ToArray(), kind == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"envoi-stats-{Report.Period.From:yyyyMMdd}-{Report.Period.To:yyyyMMdd}.{(kind == ExportFormat.Csv ? "csv" : "xlsx")}");
    }
}
