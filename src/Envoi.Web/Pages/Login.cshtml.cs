using Envoi.Core.Users;
using Envoi.Web.Auth;
using Envoi.Web.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages;

/// <summary>Cookie sign-in with the Envoi password, throttled per account and per client address.</summary>
public sealed class LoginModel(UserAccounts accounts, LoginThrottle throttle, IStringLocalizer<ConsoleText> T, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        Email = Email.Trim();
        if (throttle.IsLocked(Email, address))
        {
            Error = T["Too many failed attempts: try again in {0} minutes.", LoginThrottle.Window.TotalMinutes.ToString("0")];
            return Page();
        }
        var user = await accounts.AuthenticateAsync(Email, Password, ct);
        if (user is null)
        {
            throttle.Failed(Email, address);
            // The address is logged, never the password.
            logger.LogWarning("Console sign-in failed for {Email} from {Address}", Email, address);
            Error = T["Wrong email or password."];
            return Page();
        }
        throttle.Succeeded(Email);
        await HttpContext.SignInAsync(ConsoleCookie.Scheme, UserClaims.For(user, ConsoleCookie.Scheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : user.IsAdmin ? "/admin" : user.IsMarketing ? "/marketing/statistics" : "/portal");
    }
}
