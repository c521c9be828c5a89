using Envoi.Core.Checks;
using Envoi.Web.Addin;
using Envoi.Web.Auth;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Checks;

/// <summary>
/// <c>POST /api/checks</c>: the send-safety checks on a draft before the client sends it (the Outlook
/// add-in's Smart Alerts). Same checks, policy and sentences as the gateway at acceptance.
/// <c>GET /api/checks</c>: every check and its action, for everyone and per group (admins).
/// </summary>
public static class ChecksApi
{
    public static void MapChecksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/checks", (SendSafetyChecks checks) => checks.Policy().Select(line => new CheckPolicyDto(line.Id, line.Description,
                Wire(line.DefaultAction), Wire(line.Action), line.Groups.ToDictionary(g => g.Key, g => Wire(g.Value)))).ToList())
            .RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Checks");
        app.MapPost("/api/checks", async (HttpContext http, DraftChecks checks, DraftRequest? draft, CancellationToken ct) =>
        {
            if (draft is null) return Results.BadRequest(new DirectoryResultDto("Send the draft as JSON: {\"to\": [\"…\"], \"subject\": \"…\", \"body\": \"…\", \"attachments\": [{\"name\": \"…\", \"size\": 0}]}.", []));
            var (verdict, error) = await checks.RunAsync(http.User.Email(), draft.ToDraft(), ct);
            if (verdict is null) return Results.BadRequest(new DirectoryResultDto(error!, []));
            return Results.Ok(new CheckResultDto(Wire(verdict.Action), verdict.Findings.All(checks.CanSendAnyway), checks.ConfirmationHeaderFor(verdict),
                verdict.Findings.Select(f => new FindingDto(f.Check, Wire(f.Action), f.Sentence, checks.CanSendAnyway(f))).ToList()));
        }).RequireAuthorization().RequireCors(AddinEndpoints.CorsPolicy).WithTags("Checks");
    }

    private static string Wire(CheckAction action) => action.ToString().ToLowerInvariant();
}

public sealed record DraftAttachmentDto(string? Name, long? Size, bool? IsInline);

/// <summary>The draft as the add-in reads it from Outlook.</summary>
public sealed record DraftRequest(string? From, List<string>? To, List<string>? Cc, List<string>? Bcc, string? Subject, string? Body, List<DraftAttachmentDto>? Attachments, string? Language)
{
    public Draft ToDraft() => new(From, To ?? [], Cc ?? [], Bcc ?? [], Subject, Body,
        (Attachments ?? []).Select(a => new DraftAttachment(a.Name ?? "", a.Size ?? -1, a.IsInline ?? false)).ToList(), Language);
}

public sealed record CheckPolicyDto(string Id, string Description, string DefaultAction, string Action, Dictionary<string, string> Groups);

public sealed record FindingDto(string Id, string Action, string Sentence, bool SendAnyway);

/// <param name="Action">The strictest finding's action (<c>off</c> when nothing was found).</param>
/// <param name="SendAnyway">Whether the sender may send after seeing every finding.</param>
/// <param name="ConfirmHeader">The header (value <c>yes</c>) that tells the gateway the sender confirmed, when it applies.</param>
public sealed record CheckResultDto(string Action, bool SendAnyway, string? ConfirmHeader, IReadOnlyList<FindingDto> Findings);
