using System.Text.Json.Nodes;
using Envoi.Core.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Scim;

/// <summary><c>/scim/v2/Groups</c>: groups synced from the identity provider, usable by rules and campaigns.</summary>
internal static class ScimGroupsApi
{
    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", ListAsync);
        scim.MapGet("/Groups/{id}", async (HttpContext http, IDirectoryStore store, string id, CancellationToken ct) =>
            await FindAsync(store, id, ct) is { } group ? ScimProtocol.Json(ToScim(http, group, Excluded(http))) : NotFound(id));
        scim.MapPost("/Groups", CreateAsync);
        scim.MapPut("/Groups/{id}", (HttpContext http, IDirectoryStore store, IAuditLog audit, string id, CancellationToken ct) => UpdateAsync(http, store, audit, id, patch: false, ct));
        scim.MapPatch("/Groups/{id}", (HttpContext http, IDirectoryStore store, IAuditLog audit, string id, CancellationToken ct) => UpdateAsync(http, store, audit, id, patch: true, ct));
        scim.MapDelete("/Groups/{id}", async (IDirectoryStore store, IAuditLog audit, string id, CancellationToken ct) =>
        {
            if (await FindAsync(store, id, ct) is not { } group || !await store.DeleteGroupAsync(group.Id, ct)) return NotFound(id);
            await audit.WriteAsync([new AuditEntry(DateTimeOffset.UtcNow, "scim", "group.deleted", group.Name, "deleted by the identity provider")], ct);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDirectoryStore store, string? filter, CancellationToken ct)
    {
        var (start, count) = ScimProtocol.Page(http.Request);
        IReadOnlyList<DirectoryGroup> groups;
        if (string.IsNullOrWhiteSpace(filter)) groups = await store.GroupsAsync(null, ct);
        else
        {
            var equality = ScimFilter.Parse(filter);
            groups = equality?.Attribute.ToLowerInvariant() switch
            {
                "displayname" => await store.GroupsAsync(equality.Value.Value, ct),
                "id" => await FindAsync(store, equality.Value.Value, ct) is { } g ? [g] : [],
                "externalid" => (await store.GroupsAsync(null, ct)).Where(g => g.ExternalId == equality.Value.Value).ToList(),
                _ => null!,
            };
            if (groups is null) return ScimProtocol.Error(400, $"Unsupported filter '{filter}': use displayName, externalId or id eq \"value\".", "invalidFilter");
        }
        var page = groups.Skip(start - 1).Take(count).Select(g => (JsonNode)ToScim(http, g, Excluded(http)));
        return ScimProtocol.Json(ScimProtocol.List(page, groups.Count, start));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IDirectoryStore store, IAuditLog audit, CancellationToken ct)
    {
        var (body, problem) = await ScimProtocol.ReadAsync(http.Request, ct);
        if (body is null) return ScimProtocol.Error(400, problem!, "invalidSyntax");
        if (!ScimProtocol.DeclaresSchema(body, ScimProtocol.GroupSchema))
            return ScimProtocol.Error(400, $"A Group must declare the schema {ScimProtocol.GroupSchema}.", "invalidSyntax");
        if (body["displayName"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || string.IsNullOrWhiteSpace(name))
            return ScimProtocol.Error(400, "'displayName' is required and must be a string.", "invalidValue");
        var group = await store.CreateGroupAsync(name.Trim(), "scim", body["externalId"]?.ToString(), ct);
        if (group is null) return ScimProtocol.Error(409, $"A group named '{name}' already exists.", "uniqueness");
        if (MemberIds(body) is { Count: > 0 } members) await store.ChangeMembersAsync(group.Id, members, [], replaceAll: true, ct);
        await audit.WriteAsync([new AuditEntry(DateTimeOffset.UtcNow, "scim", "group.created", group.Name, $"{MemberIds(body).Count} member(s)")], ct);
        return ScimProtocol.Json(ToScim(http, (await store.FindGroupAsync(group.Id, ct))!, false), 201);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, IDirectoryStore store, IAuditLog audit, string id, bool patch, CancellationToken ct)
    {
        if (await FindAsync(store, id, ct) is not { } group) return NotFound(id);
        var (body, problem) = await ScimProtocol.ReadAsync(http.Request, ct);
        if (body is null) return ScimProtocol.Error(400, problem!, "invalidSyntax");
        var updated = body;
        if (patch)
        {
            updated = ToScim(http, group, excludeMembers: false);
            if (ScimPatch.Apply(updated, body) is { } patchProblem) return ScimProtocol.Error(400, patchProblem, "invalidSyntax");
        }
        var name = updated["displayName"]?.ToString()?.Trim();
        if (string.IsNullOrEmpty(name)) return ScimProtocol.Error(400, "'displayName' is required.", "invalidValue");
        if (name != group.Name && !await store.RenameGroupAsync(group.Id, name, ct))
            return ScimProtocol.Error(409, $"A group named '{name}' already exists.", "uniqueness");
        var members = MemberIds(updated);
        await store.ChangeMembersAsync(group.Id, members, [], replaceAll: true, ct);
        await audit.WriteAsync([new AuditEntry(DateTimeOffset.UtcNow, "scim", "group.updated", name, $"{members.Count} member(s)")], ct);
        return ScimProtocol.Json(ToScim(http, (await store.FindGroupAsync(group.Id, ct))!, Excluded(http)));
    }

    private static List<int> MemberIds(JsonObject body) =>
        body["members"] is JsonArray members
            ? members.OfType<JsonObject>().Select(m => m["value"]?.ToString()).Select(v => int.TryParse(v, out var n) ? n : -1).Where(n => n > 0).Distinct().ToList()
            : [];

    private static JsonObject ToScim(HttpContext http, DirectoryGroup group, bool excludeMembers)
    {
        var result = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimProtocol.GroupSchema),
            ["id"] = group.Id.ToString(),
            ["displayName"] = group.Name,
            ["meta"] = new JsonObject { ["resourceType"] = "Group", ["location"] = $"{http.Request.Scheme}://{http.Request.Host}/scim/v2/Groups/{group.Id}" },
        };
        if (group.ExternalId is { } externalId) result["externalId"] = externalId;
        if (!excludeMembers)
            result["members"] = new JsonArray(group.Members.Select(m => (JsonNode)new JsonObject { ["value"] = m.EmployeeId.ToString(), ["display"] = m.Email }).ToArray());
        return result;
    }

    /// <summary>Entra ID asks for groups with excludedAttributes=members to keep responses small.</summary>
    private static bool Excluded(HttpContext http) =>
        http.Request.Query["excludedAttributes"].ToString().Split(',').Any(a => a.Trim().Equals("members", StringComparison.OrdinalIgnoreCase));

    private static async Task<DirectoryGroup?> FindAsync(IDirectoryStore store, string id, CancellationToken ct) =>
        int.TryParse(id, out var key) ? await store.FindGroupAsync(key, ct) : null;

    private static IResult NotFound(string id) => ScimProtocol.Error(404, $"No group with id {id}.");
}
