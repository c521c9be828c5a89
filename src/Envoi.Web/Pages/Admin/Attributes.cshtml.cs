using Envoi.Core.Directory;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

public sealed class AttributesModel(AttributeCatalog catalog, DirectoryService directory) : PageModel
{
    public IReadOnlyList<AttributeDefinition> Attributes { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Attributes = await catalog.AllAsync(ct);

    public async Task OnPostAsync(string name, AttributeRight right, CancellationToken ct)
    {
        var result = await directory.SetRightAsync(User.Email(), name, right, ct);
        if (result.Succeeded) Message = result.Message;
        else Problem = result.Message;
        Attributes = await catalog.AllAsync(ct);
    }
}
