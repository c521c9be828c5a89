using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

public sealed class TemplatesModel(ISignatureStore store) : PageModel
{
    public IReadOnlyList<SignatureTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Templates = await store.TemplatesAsync(ct);
}
