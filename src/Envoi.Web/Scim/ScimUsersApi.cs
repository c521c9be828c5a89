using System.Text.Json.Nodes;
using Envoi.Core.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Scim;

/// <summary><c>/scim/v2/Users</c>: employees provisioned by Entra ID, Okta or any SCIM 2.0 client.</summary>
internal static class ScimUsersApi
{
    private const string Actor = "scim";

    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapGet("/Users", ListAsync);
        scim.MapGet("/Users/{id}", async (HttpContext http, IDirectoryStore store, string id, CancellationToken ct) =>
            await FindAsync(store, id, ct) is { } employee ? ScimProtocol.Json(await ToScimAsync(http, store, employee, ct)) : NotFound(id));
        scim.MapPost("/Users", CreateAsync);
        scim.MapPut("/Users/{id}", ReplaceAsync);
        scim.MapPatch("/Users/{id}", PatchAsync);
        scim.MapDelete("/Users/{id}", async (IDirectoryStore store, DirectoryProvisioning provisioning, string id, CancellationToken ct) =>
            int.TryParse(id, out var key) && await provisioning.DeleteAsync(Actor, key, ct) ? Results.NoContent() : NotFound(id));
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDirectoryStore store, string? filter, CancellationToken ct)
    {
        var (start, count) = ScimProtocol.Page(http.Request);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            if (ScimFilter.Parse(filter) is not { } equality)
                return ScimProtocol.Error(400, $"Unsupported filter '{filter}': Envoi understands attribute eq \"value\".", "invalidFilter");
            Employee? match = equality.Attribute.ToLowerInvariant() switch
            {
                "username" => await store.FindByUserNameAsync(equality.Value, ct),
                "emails.value" or "emails" => await store.FindAsync(equality.Value, ct),
                "id" => await FindAsync(store, equality.Value, ct),
                "externalid" => await store.FindByExternalIdAsync(equality.Value, ct),
                _ => null,
            };
            if (equality.Attribute.ToLowerInvariant() is not ("username" or "emails.value" or "emails" or "id" or "externalid"))
                return ScimProtocol.Error(400, $"Filtering on '{equality.Attribute}' is not supported: use userName, externalId or id.", "invalidFilter");
            var found = match is null ? [] : new[] { (JsonNode)await ToScimAsync(http, store, match, ct) };
            return ScimProtocol.Json(ScimProtocol.List(start == 1 ? found : [], found.Length, start));
        }
        var (page, total) = await store.SearchAsync(null, start - 1, count, ct);
        var resources = new List<JsonNode>();
        foreach (var employee in page) resources.Add(await ToScimAsync(http, store, employee, ct));
        return ScimProtocol.Json(ScimProtocol.List(resources, total, start));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IDirectoryStore store, DirectoryProvisioning provisioning, CancellationToken ct)
    {
        var (body, problem) = await ScimProtocol.ReadAsync(http.Request, ct);
        if (body is null) return ScimProtocol.Error(400, problem!, "invalidSyntax");
        if (!ScimProtocol.DeclaresSchema(body, ScimProtocol.UserSchema))
            return ScimProtocol.Error(400, $"A User must declare the schema {ScimProtocol.UserSchema}.", "invalidSyntax");
        var (user, problems) = ScimUserMapping.FromScim(body);
        if (user is null) return ScimProtocol.Error(400, string.Join(" ", problems), "invalidValue");
        user = await WithManagerEmailAsync(store, user, ct);
        var result = await provisioning.CreateAsync(Actor, "scim", user, ct);
        return await ToHttpAsync(http, store, result, created: true, ct);
    }

    private static async Task<IResult> ReplaceAsync(HttpContext http, IDirectoryStore store, DirectoryProvisioning provisioning, string id, CancellationToken ct)
    {
        if (!int.TryParse(id, out var key)) return NotFound(id);
        var (body, problem) = await ScimProtocol.ReadAsync(http.Request, ct);
        if (body is null) return ScimProtocol.Error(400, problem!, "invalidSyntax");
        var (user, problems) = ScimUserMapping.FromScim(body);
        if (user is null) return ScimProtocol.Error(400, string.Join(" ", problems), "invalidValue");
        user = await WithManagerEmailAsync(store, user, ct);
        return await ToHttpAsync(http, store, await provisioning.ReplaceAsync(Actor, key, user, ct), created: false, ct);
    }

    private static async Task<IResult> PatchAsync(HttpContext http, IDirectoryStore store, DirectoryProvisioning provisioning, string id, CancellationToken ct)
    {
        var employee = await FindAsync(store, id, ct);
        if (employee is null) return NotFound(id);
        var (patch, problem) = await ScimProtocol.ReadAsync(http.Request, ct);
        if (patch is null) return ScimProtocol.Error(400, problem!, "invalidSyntax");
        // Patch the user's current SCIM form, then read it back as a full replacement.
        var current = await ToScimAsync(http, store, employee, ct);
        if (ScimPatch.Apply(current, patch) is { } patchProblem) return ScimProtocol.Error(400, patchProblem, "invalidSyntax");
        var (user, problems) = ScimUserMapping.FromScim(current);
        if (user is null) return ScimProtocol.Error(400, string.Join(" ", problems), "invalidValue");
        user = await WithManagerEmailAsync(store, user, ct);
        return await ToHttpAsync(http, store, await provisioning.ReplaceAsync(Actor, employee.Id, user, ct), created: false, ct);
    }

    private static async Task<IResult> ToHttpAsync(HttpContext http, IDirectoryStore store, ProvisionResult result, bool created, CancellationToken ct) => result.Error switch
    {
        ProvisionError.None => ScimProtocol.Json(await ToScimAsync(http, store, result.Employee!, ct), created ? 201 : 200),
        ProvisionError.Conflict => ScimProtocol.Error(409, string.Join(" ", result.Problems), "uniqueness"),
        ProvisionError.NotFound => ScimProtocol.Error(404, string.Join(" ", result.Problems)),
        _ => ScimProtocol.Error(400, string.Join(" ", result.Problems), "invalidValue"),
    };

    private static async Task<JsonObject> ToScimAsync(HttpContext http, IDirectoryStore store, Employee employee, CancellationToken ct)
    {
        var managerId = employee["manager"] is { } manager ? (await store.FindAsync(manager, ct))?.Id.ToString() : null;
        return ScimUserMapping.ToScim(employee, $"{http.Request.Scheme}://{http.Request.Host}/scim/v2/Users/{employee.Id}", managerId);
    }

    private static async Task<Employee?> FindAsync(IDirectoryStore store, string id, CancellationToken ct) =>
        int.TryParse(id, out var key) ? await store.FindByIdAsync(key, ct) : null;

    /// <summary>SCIM names the manager by id; the directory keeps the manager's email when that employee is known.</summary>
    private static async Task<ProvisionedUser> WithManagerEmailAsync(IDirectoryStore store, ProvisionedUser user, CancellationToken ct)
    {
        if (!user.Values.TryGetValue("manager", out var manager) || !int.TryParse(manager, out var key)) return user;
        if (await store.FindByIdAsync(key, ct) is not { } found) return user;
        return user with { Values = new Dictionary<string, string>(user.Values) { ["manager"] = found.Email } };
    }

    private static IResult NotFound(string id) => ScimProtocol.Error(404, $"No user with id {id}.");
}
