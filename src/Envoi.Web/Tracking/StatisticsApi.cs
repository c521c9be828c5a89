using Envoi.Core.Tracking.Statistics;
using Envoi.Web.Auth;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Tracking;

/// <summary>
/// <c>GET /api/stats?by=day|employee|signature|campaign|link&amp;period=today|7d|30d&amp;from=&amp;to=&amp;q=</c> and
/// <c>GET /api/stats/export?format=xlsx|csv&amp;by=day,employee…</c> (the same rows as a file).
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole, UserClaims.MarketingRole)).WithTags("Statistics");

        group.MapGet("/", async (StatisticsService stats, string? by, string? period, string? from, string? to, string? q, CancellationToken ct) =>
        {
            if (!StatsDimensions.TryParse(by, out var dimension)) return Problem($"by must be one of day, employee, signature, campaign, link");
            var (range, problem) = Parse(stats, period, from, to, q);
            if (range is null) return Problem(problem!);
            return Results.Ok(StatsReportDto.Of(await stats.ReportAsync(dimension, range, q, ct)));
        });

        group.MapGet("/export", async (HttpContext http, StatisticsService stats, string? format, string? by, string? period, string? from, string? to, string? q, CancellationToken ct) =>
        {
            var kind = format?.Trim().ToLowerInvariant() switch { "csv" => ExportFormat.Csv, null or "" or "xlsx" => ExportFormat.Xlsx, _ => (ExportFormat?)null };
            if (kind is null) return Problem("format must be xlsx or csv");
            var (dimensions, byProblem) = StatsDimensions.ParseList(by);
            if (dimensions is null) return Problem(byProblem!);
            var (range, problem) = Parse(stats, period, from, to, q);
            if (range is null) return Problem(problem!);
            var name = $"envoi-stats-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.{(kind == ExportFormat.Csv ? "csv" : "xlsx")}";
            var sheets = dimensions.Select(d => new StatsSheet(d, stats.RowsAsync(d, range, q, ct))).ToList();
            return Results.Stream(body => WriteExportAsync(http, body, kind.Value, sheets, ct),
                kind == ExportFormat.Csv ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        });
        return app;
    }

    /// <summary>
    /// The rows go from the database through the writer to the client as they come: nothing holds
    /// the whole file (1M rows make a 43 MB xlsx). MiniExcel writes the zip synchronously, which
    /// Kestrel refuses by default; it is allowed for this response only, behind a buffer so the
    /// zip's many small writes become few large ones.
    /// </summary>
    private static async Task WriteExportAsync(HttpContext http, Stream body, ExportFormat format, IReadOnlyList<StatsSheet> sheets, CancellationToken ct)
    {
        if (format == ExportFormat.Xlsx && http.Features.Get<IHttpBodyControlFeature>() is { } control) control.AllowSynchronousIO = true;
        // Not disposed: that would dispose the response body, which belongs to the server.
        var buffered = new BufferedStream(body, 64 * 1024);
        await StatsExport.WriteAsync(buffered, format, sheets, ct);
        await buffered.FlushAsync(ct);
    }

    private static (StatsPeriod?, string?) Parse(StatisticsService stats, string? period, string? from, string? to, string? q)
    {
        if (q is { Length: > StatisticsService.MaxQueryLength }) return (null, $"q is limited to {StatisticsService.MaxQueryLength} characters");
        return StatsPeriod.Parse(period, from, to, stats.Today);
    }

    private static IResult Problem(string problem) => Results.BadRequest(new DirectoryResultDto("The statistics were not computed.", [problem]));
}

public sealed record StatsLineDto(string Key, string Label, long MessagesSigned, long HumanClicks, long AutomatedClicks, long ImageLoads, double ClickRate)
{
    public static StatsLineDto Of(StatsRow r) => new(r.Key, r.Label, r.MessagesSigned, r.HumanClicks, r.AutomatedClicks, r.ImageLoads, r.ClickRate);
}

public sealed record StatsReportDto(string From, string To, string By, string? Q, StatsLineDto Totals, IReadOnlyList<StatsLineDto> Rows)
{
    public static StatsReportDto Of(StatsReport r) =>
        new(r.Period.From.ToString("yyyy-MM-dd"), r.Period.To.ToString("yyyy-MM-dd"), r.By.ToWire(), r.Query, StatsLineDto.Of(r.Totals), r.Rows.Select(StatsLineDto.Of).ToList());
}
