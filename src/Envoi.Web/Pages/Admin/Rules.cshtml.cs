using System.Text.Json;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Rules;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Admin;

/// <summary>The ordered rules: reorder, edit (validated as a whole), and ask why a message gets its signature.</summary>
public sealed class RulesModel(ISignatureStore store, SignatureAdministration admin, SignaturePreview preview) : PageModel
{
    public IReadOnlyList<SignatureRule> Rules { get; private set; } = [];
    [BindProperty] public string Json { get; set; } = "";
    [BindProperty] public string? Sender { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string Kind { get; set; } = "new";
    public IReadOnlyList<PreviewCopy> Explanation { get; private set; } = [];
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, keepJson: false);

    public async Task OnPostMoveAsync(int index, int by, CancellationToken ct)
    {
        var rules = (await store.RulesAsync(ct)).ToList();
        var target = index + by;
        if (index >= 0 && index < rules.Count && target >= 0 && target < rules.Count)
        {
            (rules[index], rules[target]) = (rules[target], rules[index]);
            await SaveAsync(rules, ct);
        }
        await LoadAsync(ct, keepJson: false);
    }

    public async Task OnPostSaveAsync(CancellationToken ct)
    {
        var (rules, error) = RulesJson.Read(Json);
        if (rules is null) Problems.Add(error!);
        else await SaveAsync(rules, ct);
        await LoadAsync(ct, keepJson: Problems.Count > 0);
    }

    public async Task OnPostExplainAsync(CancellationToken ct)
    {
        var recipients = (To ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var kind = Enum.TryParse<MessageKind>(Kind, ignoreCase: true, out var parsed) ? parsed : MessageKind.New;
        if (!string.IsNullOrWhiteSpace(Sender)) Explanation = (await preview.PreviewAsync(Sender.Trim(), recipients, kind, null, ct)).Copies;
        await LoadAsync(ct, keepJson: false);
    }

    private async Task SaveAsync(IReadOnlyList<SignatureRule> rules, CancellationToken ct)
    {
        var result = await admin.SaveRulesAsync(User.Email(), rules, ct);
        if (result.Succeeded) Message = result.Message;
        else Problems.AddRange(result.Problems);
    }

    private async Task LoadAsync(CancellationToken ct, bool keepJson)
    {
        Rules = await store.RulesAsync(ct);
        // After a refused save the admin's text stays, so nothing typed is lost.
        if (!keepJson) Json = JsonSerializer.Serialize(Rules, RulesJson.Options);
    }
}
