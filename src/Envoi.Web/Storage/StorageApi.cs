using Envoi.Core.Storage;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Storage;

/// <summary><c>GET /api/storage</c>: the size of each store and the retention of finished mail (admins only).</summary>
public static class StorageApi
{
    public static RouteGroupBuilder MapStorageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/storage").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Storage");
        group.MapGet("/", async (StorageSurvey survey, CancellationToken ct) => TypedResults.Ok(await survey.MeasureAsync(ct)));
        return group;
    }
}
