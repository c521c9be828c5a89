using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Envoi.Web.Scim;

/// <summary>SCIM 2.0 (RFC 7643/7644) names, media type, errors and list responses.</summary>
internal static class ScimProtocol
{
    public const string MediaType = "application/scim+json";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(), MediaType, System.Text.Encoding.UTF8, status);

    /// <param name="scimType">RFC 7644 §3.12: invalidFilter, invalidSyntax, invalidValue, uniqueness, noTarget, mutability…</param>
    public static IResult Error(int status, string detail, string? scimType = null)
    {
        var error = new JsonObject { ["schemas"] = new JsonArray(ErrorSchema), ["status"] = status.ToString(), ["detail"] = detail };
        if (scimType is not null) error["scimType"] = scimType;
        return Json(error, status);
    }

    public static JsonObject List(IEnumerable<JsonNode> resources, int total, int startIndex)
    {
        var array = new JsonArray(resources.ToArray());
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ListSchema),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = array.Count,
            ["Resources"] = array,
        };
    }

    /// <summary>Reads a SCIM body (application/scim+json or application/json); null with a reason when it is not a JSON object.</summary>
    public static async Task<(JsonObject? Body, string? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            return node is JsonObject body ? (body, null) : (null, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            return (null, $"The request body is not valid JSON: {e.Message}");
        }
    }

    public static bool DeclaresSchema(JsonObject body, string schema) =>
        body["schemas"] is JsonArray schemas && schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var name) && string.Equals(name, schema, StringComparison.OrdinalIgnoreCase));

    /// <summary>Pagination parameters: startIndex is 1-based (values below 1 mean 1), count is capped.</summary>
    public static (int StartIndex, int Count) Page(HttpRequest request)
    {
        var start = int.TryParse(request.Query["startIndex"], out var s) && s > 1 ? s : 1;
        var count = int.TryParse(request.Query["count"], out var c) ? Math.Clamp(c, 0, 500) : 100;
        return (start, count);
    }
}
