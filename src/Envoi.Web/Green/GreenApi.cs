using Envoi.Core.Green.Report;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Green;

/// <summary><c>GET /api/green/report?days=30</c> (administrators): signature weights, traffic, projections and the CO2 estimate.</summary>
public static class GreenApi
{
    public static IEndpointRouteBuilder MapGreenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/green").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Green IT");
        group.MapGet("/report", async (GreenReportBuilder builder, int? days, CancellationToken ct) =>
            days is < 1 or > 3660
                ? Results.BadRequest(new { message = "days must be between 1 and 3660" })
                : Results.Ok(await builder.BuildAsync(days ?? 30, ct)));
        return app;
    }
}
