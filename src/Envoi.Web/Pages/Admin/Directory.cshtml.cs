using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>Search the directory and import a file, with the row report (the same import as the CLI and API).</summary>
public sealed class DirectoryModel(IDirectoryStore store, DirectoryImport import) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; }
    [BindProperty] public bool DeactivateMissing { get; set; }

    public IReadOnlyList<Employee> Employees { get; private set; } = [];
    public int Total { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => SearchAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) Problem = "Choose a CSV or JSON file to import.";
        else
        {
            var attributes = await import.AttributesAsync(ct);
            await using var stream = Upload.OpenReadStream();
            var json = Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || Upload.ContentType.Contains("json");
            var rows = json ? JsonDirectoryReader.ReadAsync(stream, attributes, ct) : CsvDirectoryReader.ReadAsync(stream, attributes, ct);
            try { Report = await import.RunAsync(rows, new ImportOptions(User.Email(), Upload.FileName, DryRun, DeactivateMissing), null, ct); }
            catch (ImportFileException e) { Problem = $"{Upload.FileName} was not imported: {e.Message}"; }
        }
        await SearchAsync(ct);
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        (Employees, Total) = await store.SearchAsync(Q, 0, 100, ct);
    }
}
