using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Signatures;
using Envoi.Core.Users;
using Envoi.Web.Addin;
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

        group.MapGet("/", MineAsync).RequireCors(AddinEndpoints.CorsPolicy); // the Outlook add-in's picker

        group.MapPut("/defaults", async (HttpContext http, SignatureAdministration admin, Dictionary<string, string?>? defaults, CancellationToken ct) =>
            defaults is null || defaults.Count == 0
                ? Results.BadRequest(new DirectoryResultDto("Send {\"new-external\": \"full\", \"reply-internal\": \"short\", …} (an empty value goes back to the rules).", []))
                : DirectoryHttp.ToHttp(await admin.SetDefaultsAsync(http.User.Email(), defaults, ct)));

        group.MapGet("/preview", (HttpContext http, SignaturePreview preview, CancellationToken ct) =>
            SignaturePreviewHttp.PreviewAsync(preview, http.User.Email(), http.Request, ct));
        return group;
    }

    /// <summary>
    /// The sender's choices and, for <c>?to=…&amp;cc=…&amp;kind=new|reply|forward</c>, each signature
    /// they may pick rendered for those recipients, the rules' pick with its reason (the Outlook add-in's picker).
    /// </summary>
    private static async Task<IResult> MineAsync(HttpContext http, IDirectoryStore directory, ISignatureStore store, SignatureOffers offers,
        IUserStore users, HoldPolicy hold, CancellationToken ct)
    {
        var email = http.User.Email();
        if (SignaturePreviewHttp.Read(http.Request) is not { } query) return SignaturePreviewHttp.Refusal(http.Request);
        if (await directory.FindAsync(email, ct) is not { } employee || await offers.ForAsync(email, query.Recipients, query.Kind, ct) is not { } list)
            return Results.NotFound(new DirectoryResultDto($"{email} is not an active employee in the company directory.", []));
        var user = await users.FindByEmailAsync(email, ct);
        return Results.Ok(MySignaturesDto.Of(ChoicesDto.Of(await store.ChoicesAsync(employee.Id, ct)), list, hold.WindowFor(user?.HoldSeconds)));
    }
}
