using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Core.Green.Images;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Rules;
using Envoi.Core.Signatures.Templates;
using Envoi.Web.Auth;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Signatures;

/// <summary><c>/api/signatures</c>: administrators manage templates, images, rules and who may use what, and preview.</summary>
public static class SignaturesAdminApi
{
    public static IEndpointRouteBuilder MapSignaturesAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/signatures").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Signatures");
        MapTemplates(group);
        MapRules(group);
        MapAssets(group);

        group.MapGet("/preview", (HttpContext http, SignaturePreview preview, string? email, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(email)
                ? Task.FromResult(Results.BadRequest(new DirectoryResultDto("Say whose signature: ?email=alice@example.com[&to=a@x.com,b@y.com][&kind=new|reply|forward][&signature=NAME]", [])))
                : SignaturePreviewHttp.PreviewAsync(preview, email.Trim(), http.Request, ct));

        group.MapGet("/employees/{email}", async (IDirectoryStore directory, ISignatureStore store, string email, CancellationToken ct) =>
            await directory.FindAsync(email, ct) is { } employee
                ? Results.Ok(ChoicesDto.Of(await store.ChoicesAsync(employee.Id, ct)))
                : Results.NotFound(new DirectoryResultDto($"No employee {email}.", [])));

        group.MapPut("/employees/{email}", async (HttpContext http, SignatureAdministration admin, string email, AllowedRequest? request, CancellationToken ct) =>
            request?.Allowed is null
                ? Results.BadRequest(new DirectoryResultDto("Send {\"allowed\": [\"full\", \"short\", \"none\"]}.", []))
                : DirectoryHttp.ToHttp(await admin.SetAllowedAsync(Actor(http), email, request.Allowed, ct)));
        return app;
    }

    private static void MapRules(RouteGroupBuilder group)
    {
        group.MapGet("/rules", async (ISignatureStore store, CancellationToken ct) =>
            Results.Text(JsonSerializer.Serialize(await store.RulesAsync(ct), RulesJson.Options), "application/json"));

        // Read by hand so that a mistake is answered with the rules' own wording and line number.
        group.MapPut("/rules", async (HttpContext http, SignatureAdministration admin, CancellationToken ct) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var (rules, error) = RulesJson.Read(await reader.ReadToEndAsync(ct));
            return rules is null
                ? Results.BadRequest(new DirectoryResultDto("The rules were not saved.", [error!]))
                : DirectoryHttp.ToHttp(await admin.SaveRulesAsync(Actor(http), rules, ct));
        });
    }

    private static void MapAssets(RouteGroupBuilder group)
    {
        group.MapGet("/assets", async (ISignatureAssetStore assets, CancellationToken ct) => Results.Ok(await assets.ListAsync(ct)));

        // Green IT: checked against decompression bombs and optimized for the size templates show it; the original is kept.
        group.MapPut("/assets/{name}", async (HttpContext http, SignatureImages images, IAuditLog audit, TimeProvider clock, string name, CancellationToken ct) =>
        {
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, AssetUpload.MaxBytes + 1, ct);
            var (image, problem) = await images.UploadAsync(name, body.ToArray(), ct);
            if (image is null) return Results.BadRequest(new DirectoryResultDto("The image was not saved.", [problem!]));
            await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), Actor(http), "signature-asset.save", name, $"{image.ContentType}, {image.Bytes} bytes (uploaded {image.OriginalBytes}): {image.Note}")], ct);
            return Results.Ok(new
            {
                name, contentType = image.ContentType, bytes = image.Bytes, url = $"/assets/{name}",
                originalBytes = image.OriginalBytes, width = image.Width, height = image.Height, optimized = image.Changed, note = image.Note,
            });
        });

        group.MapDelete("/assets/{name}", async (HttpContext http, ISignatureAssetStore assets, IAuditLog audit, TimeProvider clock, string name, CancellationToken ct) =>
        {
            if (!await assets.DeleteAsync(name, ct)) return Results.NotFound(new DirectoryResultDto($"No image named '{name}'.", []));
            await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), Actor(http), "signature-asset.delete", name, "")], ct);
            return Results.Ok(new DirectoryResultDto($"Image '{name}' deleted.", []));
        });
    }

    private static void MapTemplates(RouteGroupBuilder group)
    {
        group.MapGet("/", async (ISignatureStore store, CancellationToken ct) => Results.Ok((await store.TemplatesAsync(ct)).Select(TemplateDto.Of)));

        group.MapGet("/{name}", async (ISignatureStore store, string name, CancellationToken ct) =>
            await store.TemplateAsync(name, ct) is { } template ? Results.Ok(TemplateDto.Of(template)) : Results.NotFound(new DirectoryResultDto($"No signature named '{name}'.", [])));

        group.MapPut("/{name}", async (HttpContext http, SignatureAdministration admin, string name, TemplateRequest? request, CancellationToken ct) =>
        {
            if (ToTemplate(name, request) is not { } template) return TemplateUsage();
            var (result, report) = await admin.SaveTemplateAsync(Actor(http), template, ct);
            var body = new { message = result.Message, problems = result.Problems, report = report is null ? null : ReportDto.Of(report) };
            return result.Succeeded ? Results.Ok(body) : Results.BadRequest(body);
        });

        group.MapPost("/validate", async (SignatureAdministration admin, TemplateRequest? request, CancellationToken ct) =>
            ToTemplate("preview", request) is { } template ? Results.Ok(ReportDto.Of(await admin.ValidateAsync(template, ct))) : TemplateUsage());

        group.MapDelete("/{name}", async (HttpContext http, SignatureAdministration admin, string name, CancellationToken ct) =>
            DirectoryHttp.ToHttp(await admin.DeleteTemplateAsync(Actor(http), name, ct)));
    }

    private static SignatureTemplate? ToTemplate(string name, TemplateRequest? request)
    {
        if (request?.Html is null || request.Text is null) return null;
        var images = request.Images?.Trim().ToLowerInvariant() switch { null or "" or "hosted" => ImageMode.Hosted, "embedded" => ImageMode.Embedded, _ => (ImageMode?)null };
        return images is null ? null : new SignatureTemplate(name, request.Html, request.Text, images.Value, request.Description);
    }

    private static IResult TemplateUsage() =>
        Results.BadRequest(new DirectoryResultDto("Send {\"html\": LIQUID, \"text\": LIQUID, \"images\": \"hosted\" | \"embedded\", \"description\"?}.", []));

    private static string Actor(HttpContext http) => http.User.Email() is { Length: > 0 } email ? email : "api";
}
