using Envoi.Core.Directory;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Envoi.Web.Signatures;

/// <summary>
/// What recipients' mail clients fetch without logging in: signature images (<c>/assets/NAME</c>)
/// and vCards behind signed links (<c>/vcard/TOKEN.vcf</c>).
/// </summary>
public static class PublicSignatureFiles
{
    public static IEndpointRouteBuilder MapPublicSignatureFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", async (HttpContext http, ISignatureAssets assets, string name, CancellationToken ct) =>
        {
            var asset = await assets.FindAsync(name, ct);
            if (asset is null) return Results.NotFound();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(asset.Content).AsSpan(0, 8))}\"");
            // Mail clients and proxies may keep images an hour; a replaced logo shows within that.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: etag);
        }).WithTags("Signatures");

        app.MapGet("/vcard/{token}", async (VCardLinks links, IDirectoryStore directory, SignatureResolver resolver, SignatureComposer composer, string token, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } id || await directory.FindByIdAsync(id, ct) is not { Active: true } employee) return Results.NotFound();
            if (await resolver.FindSenderAsync([employee.Email], ct) is not { } sender) return Results.NotFound();
            var model = composer.ModelFor(sender);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(VCard.Write(model)), VCard.ContentType, VCard.FileName(model));
        }).WithTags("Signatures");
        return app;
    }
}
