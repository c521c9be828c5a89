using Envoi.Core.Directory;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Admin;

/// <summary>An employee's directory values, edited by an administrator (validated and audited like every source).</summary>
public sealed class EmployeeModel(DirectoryService directory, IStringLocalizer<ConsoleText> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Email { get; set; } = "";
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];

    public EmployeeDetails? Details { get; private set; }
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Details = await directory.DetailsAsync(Email, ct);
        return Details is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await directory.DetailsAsync(Email, ct);
        if (current is null) return NotFound();
        var changes = Values.Where(v => current.Attributes.FirstOrDefault(a => a.Attribute.Name == v.Key)?.DirectoryValue != (v.Value ?? ""))
            .ToDictionary(v => v.Key, v => v.Value);
        if (changes.Count > 0)
        {
            var result = await directory.SetDirectoryValuesAsync(User.Email(), Email, changes, ct);
            if (result.Succeeded) Message = result.Message;
            else Problems.AddRange(result.Problems);
        }
        else Message = T["Nothing to change."];
        Details = await directory.DetailsAsync(Email, ct);
        return Page();
    }
}
