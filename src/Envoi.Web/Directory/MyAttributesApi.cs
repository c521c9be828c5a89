using Envoi.Core.Directory;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Directory;

/// <summary><c>/api/me/attributes</c>: an employee reads their attributes and edits the ones the admin allows.</summary>
public static class MyAttributesApi
{
    public static RouteGroupBuilder MapMyAttributesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/attributes").RequireAuthorization().WithTags("Directory");
        group.MapGet("/", async (HttpContext http, DirectoryService directory, CancellationToken ct) =>
        {
            var views = await directory.MyAttributesAsync(Email(http), ct);
            return views is null
                ? Results.NotFound(new DirectoryResultDto($"{Email(http)} is not in the company directory.", []))
                : Results.Ok(views.Select(AttributeViewDto.Of));
        });
        group.MapPut("/", async (HttpContext http, DirectoryService directory, Dictionary<string, string?>? changes, CancellationToken ct) =>
        {
            if (changes is null || changes.Count == 0)
                return Results.BadRequest(new DirectoryResultDto("Send a JSON object of attribute names and values, e.g. {\"mobile\": \"+33 6 12 34 56 78\"}.", []));
            return DirectoryHttp.ToHttp(await directory.UpdateMyAttributesAsync(Email(http), changes, ct));
        });
        return group;
    }

    private static string Email(HttpContext http) => http.User.Email();
}

internal static class DirectoryHttp
{
    /// <summary>Done 200, unknown 404, not allowed 403, invalid 400; always the sentence and every problem.</summary>
    public static IResult ToHttp(DirectoryResult result)
    {
        var body = new DirectoryResultDto(result.Message, result.Problems);
        return result.Outcome switch
        {
            DirectoryOutcome.Done => Results.Ok(body),
            DirectoryOutcome.NotFound => Results.NotFound(body),
            DirectoryOutcome.Forbidden => Results.Json(body, statusCode: StatusCodes.Status403Forbidden),
            _ => Results.BadRequest(body),
        };
    }
}
