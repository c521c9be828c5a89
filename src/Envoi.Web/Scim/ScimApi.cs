using System.Text.Json.Nodes;
using Envoi.Core.Users;
using Envoi.Web.ApiDescription;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Scim;

/// <summary>
/// The SCIM 2.0 service provider at <c>/scim/v2</c>, authenticated with a bearer token made by
/// <c>envoi scim token</c> (what Entra ID calls the "Secret Token" and Okta the "API token").
/// </summary>
public static class ScimApi
{
    public static RouteGroupBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2").WithTags("SCIM").WithMetadata(RequiresBearerToken.Instance).AddEndpointFilter(async (context, next) =>
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
            var tokens = context.HttpContext.RequestServices.GetService(typeof(IServiceTokenStore)) as IServiceTokenStore;
            if (token.Length == 0 || tokens is null || !await tokens.IsValidAsync(ServiceTokenPurposes.Scim, ApiToken.HashOf(token), context.HttpContext.RequestAborted))
                return ScimProtocol.Error(401, "A valid SCIM bearer token is required (envoi scim token).");
            return await next(context);
        });
        ScimUsersApi.Map(scim);
        ScimGroupsApi.Map(scim);
        scim.MapGet("/ServiceProviderConfig", () => ScimProtocol.Json(ServiceProviderConfig()));
        scim.MapGet("/ResourceTypes", () => ScimProtocol.Json(ScimProtocol.List([UserType(), GroupType()], 2, 1)));
        scim.MapGet("/ResourceTypes/{name}", (string name) => name switch
        {
            "User" => ScimProtocol.Json(UserType()),
            "Group" => ScimProtocol.Json(GroupType()),
            _ => ScimProtocol.Error(404, $"No resource type {name}."),
        });
        scim.MapGet("/Schemas", () => ScimProtocol.Json(ScimProtocol.List(ScimSchemas.All.Select(s => (JsonNode)s.DeepClone()), ScimSchemas.All.Count, 1)));
        scim.MapGet("/Schemas/{id}", (string id) =>
            ScimSchemas.All.FirstOrDefault(s => s["id"]!.ToString() == id) is { } schema ? ScimProtocol.Json(schema.DeepClone()) : ScimProtocol.Error(404, $"No schema {id}."));
        return scim;
    }

    private static JsonObject ServiceProviderConfig() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = 500 },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "Bearer token", ["description"] = "A token created with `envoi scim token`.", ["primary"] = true,
        }),
    };

    private static JsonObject UserType() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users", ["schema"] = ScimProtocol.UserSchema,
        ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimProtocol.EnterpriseSchema, ["required"] = false }),
    };

    private static JsonObject GroupType() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "Group", ["name"] = "Group", ["endpoint"] = "/Groups", ["schema"] = ScimProtocol.GroupSchema,
    };
}
