using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Web.Console;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Admin;

/// <summary>Search the directory and import a file, with the row report (the same import as the CLI and API).</summary>
public sealed class DirectoryModel(IDirectoryStore store, ImportJobs jobs, IStringLocalizer<ConsoleText> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Job { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; }
    [BindProperty] public bool DeactivateMissing { get; set; }

    public IReadOnlyList<Employee> Employees { get; private set; } = [];
    public int Total { get; private set; }
    public ImportJobs.Job? Import { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Job is not null) Import = jobs.Find(Job, User.Email());
        await SearchAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Problem = T["Choose a CSV or JSON file to import."];
            await SearchAsync(ct);
            return Page();
        }
        // Streamed to disk, never held in memory: directory files can be large.
        var temp = Path.GetTempFileName();
        await using (var file = System.IO.File.Create(temp)) await Upload.CopyToAsync(file, ct);
        var json = Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || Upload.ContentType.Contains("json");
        var id = jobs.Start(User.Email(), temp, Upload.FileName, json, DryRun, DeactivateMissing);
        return RedirectToPage(new { job = id });
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        (Employees, Total) = await store.SearchAsync(Q, 0, 100, ct);
    }
}
