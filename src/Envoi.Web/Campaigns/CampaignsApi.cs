using Envoi.Core.Campaigns;
using Envoi.Web.Auth;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Campaigns;

/// <summary><c>/api/campaigns</c>: administrators create, list, pause and resume campaigns. Banner images are uploaded at <c>/api/signatures/assets/NAME</c>.</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole, UserClaims.MarketingRole)).WithTags("Campaigns");

        group.MapGet("/", async (ICampaignStore store, CancellationToken ct) => Results.Ok(await store.ListAsync(ct)));

        group.MapGet("/{name}", async (ICampaignStore store, string name, CancellationToken ct) =>
            await store.FindAsync(name, ct) is { } campaign ? Results.Ok(campaign) : Results.NotFound(new DirectoryResultDto($"No campaign named '{name}'.", [])));

        group.MapPut("/{name}", async (HttpContext http, CampaignAdministration admin, string name, CampaignRequest? request, CancellationToken ct) =>
        {
            if (request?.ToCampaign(name) is not { } campaign)
                return Results.BadRequest(new DirectoryResultDto(CampaignRequest.Usage, []));
            var (saved, problems) = await admin.SaveAsync(Actor(http), campaign, ct);
            return saved is null ? Results.BadRequest(new DirectoryResultDto("The campaign was not saved.", problems)) : Results.Ok(saved);
        });

        group.MapPost("/{name}/pause", (HttpContext http, CampaignAdministration admin, string name, CancellationToken ct) => PauseAsync(http, admin, name, true, ct));
        group.MapPost("/{name}/resume", (HttpContext http, CampaignAdministration admin, string name, CancellationToken ct) => PauseAsync(http, admin, name, false, ct));
        return app;
    }

    private static async Task<IResult> PauseAsync(HttpContext http, CampaignAdministration admin, string name, bool paused, CancellationToken ct) =>
        await admin.SetPausedAsync(Actor(http), name, paused, ct)
            ? Results.Ok(new DirectoryResultDto($"Campaign '{name}' {(paused ? "paused" : "resumed")}.", []))
            : Results.NotFound(new DirectoryResultDto($"No campaign named '{name}'.", []));

    private static string Actor(HttpContext http) => http.User.Email() is { Length: > 0 } email ? email : "api";
}

public sealed record CampaignRequest(DateTime? Start, DateTime? End, string? TimeZone, TargetingRequest? Targeting, List<Banner>? Banners, Dictionary<string, string>? Utm, bool Paused = false)
{
    public const string Usage = "Send {\"start\": \"2026-12-01T09:00\", \"end\": \"2026-12-31T18:00\", \"timeZone\": \"Europe/Paris\", " +
        "\"targeting\": {\"groups\": [], \"departments\": [], \"subsidiaries\": [], \"externalRecipientsOnly\": false}, " +
        "\"banners\": [{\"image\": \"winter.png\", \"link\": \"https://…\", \"alt\": \"…\", \"width\": 600, \"height\": 120, \"weight\": 1}], \"utm\": {\"utm_source\": \"signature\"}}.";

    public Campaign? ToCampaign(string name)
    {
        if (Start is null || End is null || Banners is null) return null;
        var targeting = Targeting is null ? CampaignTargeting.Everyone
            : new CampaignTargeting(Targeting.Groups ?? [], Targeting.Departments ?? [], Targeting.Subsidiaries ?? [], Targeting.ExternalRecipientsOnly);
        return new Campaign(name, new CampaignSchedule(Start.Value, End.Value, string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim()), targeting, Banners, Utm ?? [], Paused);
    }
}

public sealed record TargetingRequest(List<string>? Groups, List<string>? Departments, List<string>? Subsidiaries, bool ExternalRecipientsOnly);
