using Envoi.Core.Users;
using Envoi.Web.Addin;
using Envoi.Web.Auth;
using Envoi.Web.Console;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Envoi.Web.Pages.Addin;

/// <summary>
/// The add-in's sign-in dialog: the console login first (its throttling and lockout), then one
/// button that creates an API token for the add-in and hands it to the task pane
/// (<c>Office.context.ui.messageParent</c>, in <c>signin.js</c>). The token is shown to no one else.
/// </summary>
[Authorize(Policy = ConsoleSetup.PortalPolicy)]
public sealed class SignInModel(UserAccounts accounts, AddinSite site) : PageModel
{
    /// <summary>Every add-in sign-in gets a token of this name: <c>envoi tokens revoke EMAIL outlook-addin</c>.</summary>
    public const string TokenName = "outlook-addin";

    public string Email => User.Email();
    public string? Token { get; private set; }
    public string BaseUrl => site.BaseUrl(Request);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Token = await accounts.CreateTokenAsync(Email, Email, TokenName, ct);
        if (Token is null) return Forbid();
        // The page now holds a secret: never cached, never stored by a proxy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
