using System.Security.Claims;
using System.Text.Encodings.Web;
using Envoi.Core.Outbox;
using Envoi.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Envoi.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer envoi_…</c> with a per-user API token (<c>envoi tokens create EMAIL</c>).
/// The principal carries the user id and the admin role; the web session will add a cookie scheme beside it.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserAccounts accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EnvoiToken";
    public const string AdminRole = "admin";
    public const string UserIdClaim = "envoi:user-id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var user = await accounts.AuthenticateTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("Unknown or revoked API token.");
        return AuthenticateResult.Success(new AuthenticationTicket(UserClaims.For(user, SchemeName), SchemeName));
    }
}

public static class PrincipalExtensions
{
    /// <summary>The authenticated user's email, for "my" resources and audit entries.</summary>
    public static string Email(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Email) ?? "";

    /// <summary>The outbox actor behind an authenticated request.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) =>
        new(int.TryParse(principal.FindFirstValue(ApiTokenAuthentication.UserIdClaim), out var id) ? id : null,
            principal.IsInRole(ApiTokenAuthentication.AdminRole));
}
