using Envoi.Core.Addresses;
using Envoi.Core.Directory;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Web.Auth;
using Envoi.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Portal;

/// <summary>What each kind of message of mine gets, and the defaults I may choose.</summary>
public sealed class IndexModel(SignaturePreview preview, ISignatureStore store, IDirectoryStore directory, SignatureAdministration admin, ConsolePreviews previews, IStringLocalizer<ConsoleText> T) : PageModel
{
    public sealed record ContextView(string Key, string Title, string? Signature, string Reason, string? PreviewId, string? Default);

    public List<ContextView> Contexts { get; } = [];
    public IReadOnlyList<string> Allowed { get; private set; } = [];
    public bool InDirectory { get; private set; }
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    [BindProperty] public Dictionary<string, string?> Defaults { get; set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        var result = await admin.SetDefaultsAsync(User.Email(), Defaults, ct);
        if (result.Succeeded) Message = result.Message;
        else Problems.AddRange(result.Problems);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var email = User.Email();
        var employee = await directory.FindAsync(email, ct);
        InDirectory = employee is { Active: true };
        var choices = employee is null ? EmployeeSignatureChoices.None : await store.ChoicesAsync(employee.Id, ct);
        Allowed = choices.Allowed;
        // A colleague at the sender's own domain and an outside address stand for the two audiences.
        var colleague = $"colleague@{AddressSyntax.DomainOf(email)}";
        const string customer = "customer@example.org";
        foreach (var (context, kind, to, title) in new[]
        {
            (SignatureContext.NewExternal, MessageKind.New, customer, T["New message to a customer"].Value),
            (SignatureContext.ReplyExternal, MessageKind.Reply, customer, T["Reply to a customer"].Value),
            (SignatureContext.NewInternal, MessageKind.New, colleague, T["New message to a colleague"].Value),
            (SignatureContext.ReplyInternal, MessageKind.Reply, colleague, T["Reply to a colleague"].Value),
        })
        {
            var copy = (await preview.PreviewAsync(email, [to], kind, null, ct)).Copies[0];
            var html = copy.Rendered?.Html ?? (copy.Error is null ? null : "<p>" + System.Net.WebUtility.HtmlEncode(T["This signature cannot be shown: {0}", copy.Error].Value) + "</p>");
            Contexts.Add(new ContextView(context.ToWire(), title, copy.Decision.Template?.Name, copy.Decision.Reason,
                html is null ? null : previews.Keep(email, html), choices.Defaults.GetValueOrDefault(context)));
        }
    }
}
