using Envoi.Core.Directory;
using Envoi.Core.Users;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Admin;

/// <summary>An employee's directory values, edited by an administrator (validated and audited like every source).</summary>
/// <remarks>Also the employee's Envoi account (role, undo window, password, access), through the same <see cref="UserAccounts"/> as the CLI and the API.</remarks>
public sealed class EmployeeModel(DirectoryService directory, UserAccounts accounts, IUserStore users, IStringLocalizer<ConsoleText> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Email { get; set; } = "";
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? HoldSeconds { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Disabled { get; set; }

    public EmployeeDetails? Details { get; private set; }
    public EnvoiUser? Account { get; private set; }
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAccountAsync(CancellationToken ct)
    {
        Change<int?> hold;
        if (string.IsNullOrWhiteSpace(HoldSeconds)) hold = new(null);
        else if (int.TryParse(HoldSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)) hold = new(seconds);
        else
        {
            Problems.Add(T["The undo window is a number of seconds."]);
            return await ShowAsync(ct);
        }
        var change = new AccountChange(string.IsNullOrEmpty(Password) ? null : Password, Role, hold, Disabled);
        Report(await accounts.UpdateAsync(User.Email(), Email, change, ct), T["Account saved."]);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAccountAsync(CancellationToken ct)
    {
        Report(await accounts.AddAsync(User.Email(), Email, Password ?? "", Role ?? UserRoles.Employee, null, ct), T["Account created."]);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAccountAsync(CancellationToken ct)
    {
        Report(await accounts.RemoveAsync(User.Email(), Email, ct), T["Account removed."]);
        return await ShowAsync(ct);
    }

    private void Report(UserResult result, string done)
    {
        if (result.User is null) Problems.Add(result.Error!);
        else Message = done;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Details = await directory.DetailsAsync(Email, ct);
        if (Details is null) return NotFound();
        Account = await users.FindByEmailAsync(Email, ct);
        return Page();
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
        return await ShowAsync(ct);
    }
}
