using System.Text;
using Envoi.Core.Green.Report;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>The Green IT report for a period, with the same CSV and Excel files as <c>envoi green report</c>.</summary>
public sealed class GreenModel(GreenReportBuilder builder) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 30;
    public GreenReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Days is < 1 or > 3660) return BadRequest("days must be between 1 and 3660");
        Report = await builder.BuildAsync(Days, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Days is < 1 or > 3660) return BadRequest("days must be between 1 and 3660");
        var csv = GreenReportExport.Csv(await builder.BuildAsync(Days, ct), byEmployee: false);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"envoi-green-{Days}d.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (Days is < 1 or > 3660) return BadRequest("days must be between 1 and 3660");
        var xlsx = new MemoryStream();
        await GreenReportExport.WriteXlsxAsync(await builder.BuildAsync(Days, ct), xlsx, ct);
        return File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"envoi-green-{Days}d.xlsx");
    }
}
