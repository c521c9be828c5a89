using System.Text.Json.Nodes;
using Envoi.Core.Directory;

namespace Envoi.Web.Scim;

/// <summary>
/// Employees as SCIM Users and back. userName is the email (or, when an IdP sends a UPN that is not
/// one, the primary work email); the enterprise extension carries department, division (our
/// subsidiary), organization (company) and manager.
/// </summary>
internal static class ScimUserMapping
{
    /// <summary>The directory attributes SCIM owns: absent from a PUT means cleared.</summary>
    public static readonly IReadOnlySet<string> Owned = new HashSet<string>(StringComparer.Ordinal)
    {
        "displayName", "firstName", "lastName", "jobTitle", "department", "subsidiary", "company", "officeAddress", "phone", "mobile", "preferredLanguage", "manager",
    };

    public static JsonObject ToScim(Employee e, string location, string? managerId)
    {
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimProtocol.UserSchema, ScimProtocol.EnterpriseSchema),
            ["id"] = e.Id.ToString(),
            ["userName"] = e.UserName ?? e.Email,
            ["active"] = e.Active,
            ["emails"] = new JsonArray([new JsonObject { ["value"] = e.Email, ["type"] = "work", ["primary"] = true },
                .. e.Aliases.Select(a => (JsonNode)new JsonObject { ["value"] = a, ["type"] = "other" })]),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "User",
                ["created"] = e.CreatedAt.ToString("O"),
                ["lastModified"] = e.UpdatedAt.ToString("O"),
                ["location"] = location,
            },
        };
        if (e.ExternalId is { } externalId) user["externalId"] = externalId;
        var name = new JsonObject();
        if (e["firstName"] is { } given) name["givenName"] = given;
        if (e["lastName"] is { } family) name["familyName"] = family;
        if (e["displayName"] is { } formatted) name["formatted"] = formatted;
        if (name.Count > 0) user["name"] = name;
        if (e["displayName"] is { } display) user["displayName"] = display;
        if (e["jobTitle"] is { } title) user["title"] = title;
        if (e["preferredLanguage"] is { } language) user["preferredLanguage"] = language;
        var phones = new JsonArray();
        if (e["phone"] is { } phone) phones.Add(new JsonObject { ["value"] = phone, ["type"] = "work" });
        if (e["mobile"] is { } mobile) phones.Add(new JsonObject { ["value"] = mobile, ["type"] = "mobile" });
        if (phones.Count > 0) user["phoneNumbers"] = phones;
        if (e["officeAddress"] is { } address) user["addresses"] = new JsonArray(new JsonObject { ["type"] = "work", ["formatted"] = address });
        var enterprise = new JsonObject();
        if (e["department"] is { } department) enterprise["department"] = department;
        if (e["subsidiary"] is { } subsidiary) enterprise["division"] = subsidiary;
        if (e["company"] is { } company) enterprise["organization"] = company;
        if (e["manager"] is { } manager) enterprise["manager"] = new JsonObject { ["value"] = managerId ?? manager, ["displayName"] = manager };
        if (enterprise.Count > 0) user[ScimProtocol.EnterpriseSchema] = enterprise;
        return user;
    }

    /// <summary>Reads a User body (POST, PUT, or the result of a PATCH); lists every problem found.</summary>
    public static (ProvisionedUser? User, List<string> Problems) FromScim(JsonObject body)
    {
        var problems = new List<string>();
        string? Text(JsonNode? node, string name)
        {
            if (node is null) return null;
            if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
            problems.Add($"'{name}' must be a string.");
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string attribute, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) values[attribute] = value.Trim();
        }

        var userName = Text(body["userName"], "userName")?.Trim();
        var emails = body["emails"] as JsonArray;
        var workEmail = emails?.OfType<JsonObject>()
            .OrderByDescending(e => e["primary"] is JsonValue p && (p.TryGetValue<bool>(out var b) && b || p.ToString().Equals("true", StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(e => e["type"]?.ToString() == "work")
            .Select(e => Text(e["value"], "emails.value")).FirstOrDefault(v => v is not null);
        var email = userName is not null && Core.Addresses.AddressSyntax.IsPlainMailbox(userName) ? userName : workEmail ?? userName;
        if (string.IsNullOrWhiteSpace(email)) problems.Add("'userName' is required (the employee's email address).");

        if (body["name"] is JsonObject name)
        {
            Put("firstName", Text(name["givenName"], "name.givenName"));
            Put("lastName", Text(name["familyName"], "name.familyName"));
        }
        Put("displayName", Text(body["displayName"], "displayName") ?? (body["name"] as JsonObject)?["formatted"]?.ToString());
        Put("jobTitle", Text(body["title"], "title"));
        Put("preferredLanguage", Text(body["preferredLanguage"], "preferredLanguage") ?? Text(body["locale"], "locale"));
        if (body["phoneNumbers"] is JsonArray phones)
        {
            foreach (var phone in phones.OfType<JsonObject>())
            {
                var type = phone["type"]?.ToString().ToLowerInvariant();
                Put(type == "mobile" ? "mobile" : "phone", Text(phone["value"], "phoneNumbers.value"));
            }
        }
        if (body["addresses"] is JsonArray addresses && addresses.OfType<JsonObject>().FirstOrDefault() is { } address)
        {
            var formatted = Text(address["formatted"], "addresses.formatted")
                ?? string.Join(", ", new[] { "streetAddress", "locality", "region", "postalCode", "country" }.Select(k => address[k]?.ToString()).Where(v => !string.IsNullOrWhiteSpace(v)));
            Put("officeAddress", formatted);
        }
        if (body[ScimProtocol.EnterpriseSchema] is JsonObject enterprise)
        {
            Put("department", Text(enterprise["department"], "department"));
            Put("subsidiary", Text(enterprise["division"], "division"));
            Put("company", Text(enterprise["organization"], "organization"));
            var managerId = enterprise["manager"] switch
            {
                JsonObject m => m["value"]?.ToString(),
                JsonValue v => v.ToString(),
                JsonArray a => (a.FirstOrDefault() as JsonObject)?["value"]?.ToString(),
                _ => null,
            };
            Put("manager", managerId);
        }
        else if (body[ScimProtocol.EnterpriseSchema] is not null) problems.Add($"'{ScimProtocol.EnterpriseSchema}' must be an object.");

        var active = true;
        switch (body["active"])
        {
            case null: break;
            case JsonValue v when v.TryGetValue<bool>(out var flag): active = flag; break;
            // Entra ID has sent "True"/"False" as strings.
            case JsonValue v when bool.TryParse(v.ToString(), out var flag): active = flag; break;
            default: problems.Add("'active' must be true or false."); break;
        }
        var externalId = Text(body["externalId"], "externalId");
        if (problems.Count > 0 || string.IsNullOrWhiteSpace(email)) return (null, problems);
        // Keep the provider's login name when it is not the email, so its lookups by userName find the employee.
        var loginName = userName is not null && !userName.Equals(email, StringComparison.OrdinalIgnoreCase) ? userName : null;
        // The other addresses the provider lists become aliases.
        var aliases = (emails?.OfType<JsonObject>().Select(e => e["value"]?.ToString()?.Trim().ToLowerInvariant()) ?? [])
            .OfType<string>().Where(a => a.Length > 0 && a != email.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        return (new ProvisionedUser(email.ToLowerInvariant(), externalId, active, values, Owned, loginName, aliases), problems);
    }
}
