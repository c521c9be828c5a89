using System.Text.Json.Nodes;

namespace Envoi.Web.Scim;

/// <summary>The schema documents Envoi serves: the attributes it actually reads and returns, nothing more.</summary>
internal static class ScimSchemas
{
    public static readonly IReadOnlyList<JsonObject> All =
    [
        Schema(ScimProtocol.UserSchema, "User", "An employee of the directory",
            Attribute("userName", "string", required: true, uniqueness: "server"),
            Complex("name", Attribute("givenName", "string"), Attribute("familyName", "string"), Attribute("formatted", "string")),
            Attribute("displayName", "string"), Attribute("title", "string"), Attribute("preferredLanguage", "string"), Attribute("active", "boolean"),
            Attribute("externalId", "string"),
            MultiComplex("emails", Attribute("value", "string"), Attribute("type", "string"), Attribute("primary", "boolean")),
            MultiComplex("phoneNumbers", Attribute("value", "string"), Attribute("type", "string")),
            MultiComplex("addresses", Attribute("formatted", "string"), Attribute("type", "string"))),
        Schema(ScimProtocol.EnterpriseSchema, "EnterpriseUser", "Organization data",
            Attribute("department", "string"), Attribute("division", "string"), Attribute("organization", "string"),
            Complex("manager", Attribute("value", "string"), Attribute("displayName", "string"))),
        Schema(ScimProtocol.GroupSchema, "Group", "A group of employees",
            Attribute("displayName", "string", required: true, uniqueness: "server"),
            MultiComplex("members", Attribute("value", "string"), Attribute("display", "string"))),
    ];

    private static JsonObject Schema(string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id, ["name"] = name, ["description"] = description, ["attributes"] = new JsonArray(attributes),
    };

    private static JsonObject Attribute(string name, string type, bool required = false, string uniqueness = "none") => new()
    {
        ["name"] = name, ["type"] = type, ["multiValued"] = false, ["required"] = required, ["caseExact"] = false,
        ["mutability"] = "readWrite", ["returned"] = "default", ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, params JsonObject[] sub)
    {
        var attribute = Attribute(name, "complex");
        attribute["subAttributes"] = new JsonArray(sub);
        return attribute;
    }

    private static JsonObject MultiComplex(string name, params JsonObject[] sub)
    {
        var attribute = Complex(name, sub);
        attribute["multiValued"] = true;
        return attribute;
    }
}
