using Envoi.Core.Directory;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Portal;

/// <summary>My directory attributes: the editable ones as a form, the others read-only with the reason.</summary>
public sealed class AttributesModel(DirectoryService directory, IStringLocalizer<ConsoleText> T) : PageModel
{
    public IReadOnlyList<AttributeView>? Attributes { get; private set; }
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Attributes = await directory.MyAttributesAsync(User.Email(), ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        var current = await directory.MyAttributesAsync(User.Email(), ct) ?? [];
        // Only what changed is sent, so an untouched read-only value is never refused.
        var changes = Values.Where(v => current.FirstOrDefault(a => a.Attribute.Name == v.Key) is not { } view || view.Effective != (v.Value ?? ""))
            .ToDictionary(v => v.Key, v => v.Value);
        if (changes.Count > 0)
        {
            var result = await directory.UpdateMyAttributesAsync(User.Email(), changes, ct);
            if (result.Succeeded) Message = T["Your details were saved."];
            else Problems.AddRange(result.Problems);
        }
        else Message = T["Nothing to change."];
        Attributes = await directory.MyAttributesAsync(User.Email(), ct);
    }
}
