using Envoi.Core.Capture;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Capture;

/// <summary><c>/api/captured</c>: what Envoi would have relayed when no upstream is configured (admins only).</summary>
public static class CapturedApi
{
    public static RouteGroupBuilder MapCapturedApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/captured").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Capture");
        group.MapGet("/", (CapturedMail captured) => TypedResults.Ok(captured.List()));
        group.MapGet("/{name}", (CapturedMail captured, string name) =>
            captured.PathOf(name) is { } path
                ? Results.File(path, "message/rfc822", name + ".eml")
                : Results.NotFound(new { message = $"No captured message {name}." }));
        return group;
    }
}
