using Envoi.Core.Directory;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Directory;

/// <summary><c>/api/directory/groups</c>: static groups the admin keeps by hand (SCIM keeps its own).</summary>
public static class GroupsAdminApi
{
    public static RouteGroupBuilder MapGroupsAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/directory/groups").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Directory");

        group.MapGet("/", async (IDirectoryStore store, CancellationToken ct) =>
            Results.Ok((await store.GroupsAsync(null, ct)).Select(GroupDto.Of)));

        group.MapPost("/", async (HttpContext http, IDirectoryStore store, IAuditLog audit, GroupRequest? request, CancellationToken ct) =>
        {
            var name = request?.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 200)
                return Results.BadRequest(new DirectoryResultDto("Send {\"name\": \"…\"} (at most 200 characters).", []));
            var created = await store.CreateGroupAsync(name, "static", null, ct);
            if (created is null) return Results.Conflict(new DirectoryResultDto($"A group named '{name}' already exists.", []));
            await audit.WriteAsync([new AuditEntry(DateTimeOffset.UtcNow, Actor(http), "group.created", name, "static group")], ct);
            return Results.Ok(GroupDto.Of(created));
        });

        group.MapPost("/{id:int}/members", async (HttpContext http, IDirectoryStore store, IAuditLog audit, int id, MembersRequest? request, CancellationToken ct) =>
        {
            if (await store.FindGroupAsync(id, ct) is not { } existing) return Results.NotFound(new DirectoryResultDto($"No group {id}.", []));
            var add = new List<int>();
            var remove = new List<int>();
            var unknown = new List<string>();
            foreach (var (emails, target) in new[] { (request?.Add, add), (request?.Remove, remove) })
                foreach (var email in emails ?? [])
                    if (await store.FindAsync(email, ct) is { } employee) target.Add(employee.Id);
                    else unknown.Add(email);
            if (unknown.Count > 0)
                return Results.BadRequest(new DirectoryResultDto("Some addresses are not in the directory; nothing was changed.", unknown.Select(u => $"No employee {u}.").ToList()));
            await store.ChangeMembersAsync(id, add, remove, replaceAll: false, ct);
            await audit.WriteAsync([new AuditEntry(DateTimeOffset.UtcNow, Actor(http), "group.members", existing.Name,
                $"added {string.Join(", ", request?.Add ?? [])}; removed {string.Join(", ", request?.Remove ?? [])}")], ct);
            return Results.Ok(GroupDto.Of((await store.FindGroupAsync(id, ct))!));
        });

        group.MapDelete("/{id:int}", async (HttpContext http, IDirectoryStore store, IAuditLog audit, int id, CancellationToken ct) =>
        {
            if (await store.FindGroupAsync(id, ct) is not { } existing || !await store.DeleteGroupAsync(id, ct))
                return Results.NotFound(new DirectoryResultDto($"No group {id}.", []));
            await audit.WriteAsync([new AuditEntry(DateTimeOffset.UtcNow, Actor(http), "group.deleted", existing.Name, "")], ct);
            return Results.NoContent();
        });
        return group;
    }

    private static string Actor(HttpContext http) => http.User.Email() is { Length: > 0 } email ? email : "api";
}

public sealed record GroupRequest(string? Name);

public sealed record MembersRequest(List<string>? Add, List<string>? Remove);

public sealed record GroupDto(int Id, string Name, string Source, IReadOnlyList<string> Members)
{
    public static GroupDto Of(DirectoryGroup g) => new(g.Id, g.Name, g.Source, g.Members.Select(m => m.Email).ToList());
}
