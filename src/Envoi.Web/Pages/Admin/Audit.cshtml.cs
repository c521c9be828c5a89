using Envoi.Core.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>Who changed what and when, filtered, with the before and after of each change, and the same list as CSV or Excel.</summary>
public sealed class AuditModel(IAuditLog audit) : PageModel
{
    private const int ShownRows = 500;
    private const int ExportedRows = 10_000;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The query string of the current filters, for the export links.</summary>
    public string Filters => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor, ["kind"] = Kind, ["subject"] = Subject, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["q"] = Q,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToString().TrimStart('?');

    public async Task OnGetAsync(CancellationToken ct) => Entries = await audit.ListAsync(Query(ShownRows), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var file = new MemoryStream();
        await AuditExport.WriteCsvAsync(file, await audit.ListAsync(Query(ExportedRows), ct), ct);
        return File(file.ToArray(), "text/csv; charset=utf-8", "envoi-audit.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var file = new MemoryStream();
        await AuditExport.WriteXlsxAsync(file, await audit.ListAsync(Query(ExportedRows), ct), ct);
        return File(file.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "envoi-audit.xlsx");
    }

    // Dates are whole UTC days: "to" includes its own day.
    private AuditQuery Query(int limit) => new(Actor, Kind, Subject,
        From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Q, limit);
}
