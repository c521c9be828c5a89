using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Directory;

/// <summary><c>/api/directory</c> and <c>/api/audit</c>: administrators manage employees, attributes and rights.</summary>
public static class DirectoryAdminApi
{
    public static IEndpointRouteBuilder MapDirectoryAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/directory").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Directory");

        group.MapGet("/attributes", async (AttributeCatalog catalog, CancellationToken ct) =>
            Results.Ok((await catalog.AllAsync(ct)).Select(AttributeDefinitionDto.Of)));

        group.MapPut("/attributes/{name}/right", async (HttpContext http, DirectoryService directory, string name, RightRequest? request, CancellationToken ct) =>
            ParseEnum<AttributeRight>(request?.Right) is { } right
                ? DirectoryHttp.ToHttp(await directory.SetRightAsync(Actor(http), name, right, ct))
                : Results.BadRequest(new DirectoryResultDto("Send {\"right\": \"editable\" | \"readOnly\" | \"hidden\"}.", [])));

        group.MapPost("/attributes", async (HttpContext http, DirectoryService directory, AttributeRequest? request, CancellationToken ct) =>
        {
            var type = ParseEnum<AttributeType>(request?.Type ?? "text");
            var right = ParseEnum<AttributeRight>(request?.Right ?? "readOnly");
            if (request?.Name is null || type is null || right is null)
                return Results.BadRequest(new DirectoryResultDto("Send {\"name\", \"label\", \"type\": text|url|phone|email|image, \"right\": editable|readOnly|hidden, \"pattern\"?}.", []));
            var definition = new AttributeDefinition(request.Name, request.Label ?? "", type.Value, right.Value, false, request.Pattern);
            return DirectoryHttp.ToHttp(await directory.DefineAttributeAsync(Actor(http), definition, ct));
        });

        group.MapGet("/employees", async (IDirectoryStore store, string? q, int? skip, int? take, CancellationToken ct) =>
        {
            if (skip is < 0 || take is < 1 or > 1000) return Results.BadRequest(new DirectoryResultDto("skip must be 0 or more and take between 1 and 1000.", []));
            var (page, total) = await store.SearchAsync(q, skip ?? 0, take ?? 50, ct);
            return Results.Ok(new { total, employees = page.Select(EmployeeDto.Of) });
        });

        group.MapGet("/employees/{email}", async (DirectoryService directory, string email, CancellationToken ct) =>
            await directory.DetailsAsync(email, ct) is { } details
                ? Results.Ok(new EmployeeDetailsDto(EmployeeDto.Of(details.Employee), details.Attributes.Select(AttributeViewDto.Of).ToList()))
                : Results.NotFound(new DirectoryResultDto($"No employee {email}.", [])));

        group.MapPut("/employees/{email}", async (HttpContext http, DirectoryService directory, string email, Dictionary<string, string?>? values, CancellationToken ct) =>
            values is null
                ? Results.BadRequest(new DirectoryResultDto("Send a JSON object of attribute names and values.", []))
                : DirectoryHttp.ToHttp(await directory.SetDirectoryValuesAsync(Actor(http), email, values, ct)));

        group.MapPost("/import", async (HttpContext http, DirectoryImport import, string? format, bool? dryRun, bool? deactivateMissing, CancellationToken ct) =>
        {
            var attributes = await import.AttributesAsync(ct);
            var json = format?.Equals("json", StringComparison.OrdinalIgnoreCase) == true || http.Request.ContentType?.Contains("json") == true;
            // Buffer the upload so the CSV reader can look at its header first; the size limit is Kestrel's.
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, ct);
            body.Position = 0;
            var rows = json ? JsonDirectoryReader.ReadAsync(body, attributes, ct) : CsvDirectoryReader.ReadAsync(body, attributes, ct);
            try
            {
                var report = await import.RunAsync(rows, new ImportOptions(Actor(http), "upload", dryRun ?? false, deactivateMissing ?? false), null, ct);
                return Results.Ok(report);
            }
            catch (ImportFileException e)
            {
                return Results.BadRequest(new DirectoryResultDto($"The file was not imported: {e.Message}", [e.Message]));
            }
        }).DisableAntiforgery();

        group.MapGet("/export", async (HttpContext http, DirectoryExport export, string? format, CancellationToken ct) =>
        {
            var json = format?.Equals("json", StringComparison.OrdinalIgnoreCase) == true;
            http.Response.ContentType = json ? "application/json" : "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=directory.{(json ? "json" : "csv")}";
            if (json) await export.WriteJsonAsync(http.Response.Body, ct);
            else await export.WriteCsvAsync(http.Response.Body, ct);
        });

        // subject, since and limit as before; actor, kind, until and q (free text) filter further.
        app.MapGet("/api/audit", async (IAuditLog audit, string? subject, DateTimeOffset? since, int? limit, string? actor, string? kind, DateTimeOffset? until, string? q, CancellationToken ct) =>
            Results.Ok(await audit.ListAsync(new AuditQuery(actor, kind, subject, since, until, q, limit ?? 200), ct)))
            .RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Directory");
        return app;
    }

    private static string Actor(HttpContext http) => http.User.Email() is { Length: > 0 } email ? email : "api";

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : null;
}
