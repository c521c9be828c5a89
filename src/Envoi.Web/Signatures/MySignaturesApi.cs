using Envoi.Core.Directory;
using Envoi.Core.Signatures;
using Envoi.Web.Auth;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Signatures;

/// <summary><c>/api/me/signatures</c>: an employee sees the signatures they may use, picks defaults and previews.</summary>
public static class MySignaturesApi
{
    public static RouteGroupBuilder MapMySignaturesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/signatures").RequireAuthorization().WithTags("Signatures");

        group.MapGet("/", async (HttpContext http, IDirectoryStore directory, ISignatureStore store, CancellationToken ct) =>
            await directory.FindAsync(http.User.Email(), ct) is { } employee
                ? Results.Ok(ChoicesDto.Of(await store.ChoicesAsync(employee.Id, ct)))
                : Results.NotFound(new DirectoryResultDto($"{http.User.Email()} is not in the company directory.", [])));

        group.MapPut("/defaults", async (HttpContext http, SignatureAdministration admin, Dictionary<string, string?>? defaults, CancellationToken ct) =>
            defaults is null || defaults.Count == 0
                ? Results.BadRequest(new DirectoryResultDto("Send {\"new-external\": \"full\", \"reply-internal\": \"short\", …} (an empty value goes back to the rules).", []))
                : DirectoryHttp.ToHttp(await admin.SetDefaultsAsync(http.User.Email(), defaults, ct)));

        group.MapGet("/preview", (HttpContext http, SignaturePreview preview, CancellationToken ct) =>
            SignaturePreviewHttp.PreviewAsync(preview, http.User.Email(), http.Request, ct));
        return group;
    }
}
