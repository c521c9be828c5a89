using System.Security.Claims;
using Envoi.Core.Users;

namespace Envoi.Web.Auth;

/// <summary>The one way a signed-in user becomes a principal, whether by API token or console cookie.</summary>
public static class UserClaims
{
    public const string MarketingRole = "marketing";

    public static ClaimsPrincipal For(EnvoiUser user, string scheme)
    {
        var claims = new List<Claim> { new(ApiTokenAuthentication.UserIdClaim, user.Id.ToString()), new(ClaimTypes.Email, user.Email), new(ClaimTypes.Name, user.Email) };
        if (user.IsAdmin) claims.Add(new Claim(ClaimTypes.Role, ApiTokenAuthentication.AdminRole));
        if (user.IsMarketing) claims.Add(new Claim(ClaimTypes.Role, MarketingRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
