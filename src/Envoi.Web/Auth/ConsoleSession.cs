using Envoi.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Web.Auth;

/// <summary>
/// A console cookie lasts hours, but an administrator who disables, removes or demotes someone
/// expects it to count now: every request reads the account again (one indexed look-up; the console
/// is not a hot path), signs out a cookie whose account is gone or disabled, and re-issues it when
/// the role changed.
/// </summary>
public static class ConsoleSession
{
    public static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var user = context.Principal?.ToActor().UserId is { } userId ? await users.FindAsync(userId, context.HttpContext.RequestAborted) : null;
        if (user is null or { Disabled: true })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleCookie.Scheme);
            return;
        }
        var current = UserClaims.For(user, ConsoleCookie.Scheme);
        if (RolesOf(current).SetEquals(RolesOf(context.Principal!))) return;
        context.ReplacePrincipal(current);
        context.ShouldRenew = true;
    }

    private static HashSet<string> RolesOf(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
