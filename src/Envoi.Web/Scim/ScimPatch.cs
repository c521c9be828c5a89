using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Envoi.Web.Scim;

/// <summary>
/// Applies a SCIM PatchOp (RFC 7644 §3.5.2) to a resource's JSON in the forms Entra ID and Okta
/// send: ops in any case ("Replace", "add"), paths like <c>active</c>, <c>name.givenName</c>,
/// <c>emails[type eq "work"].value</c>, <c>urn:…:enterprise:2.0:User:department</c>, or no path and
/// an object of attributes. The patched JSON is then read like a PUT body, so both share one set of rules.
/// </summary>
internal static partial class ScimPatch
{
    /// <returns>A problem in words, or null when every operation applied.</returns>
    public static string? Apply(JsonObject resource, JsonObject patch)
    {
        if (!ScimProtocol.DeclaresSchema(patch, ScimProtocol.PatchSchema))
            return $"A PATCH body must declare the schema {ScimProtocol.PatchSchema}.";
        if (patch["Operations"] is not JsonArray operations || operations.Count == 0)
            return "A PATCH body needs a non-empty \"Operations\" array.";
        foreach (var node in operations)
        {
            if (node is not JsonObject operation) return "Each operation must be an object.";
            var op = (operation["op"] as JsonValue)?.ToString().ToLowerInvariant();
            var path = (operation["path"] as JsonValue)?.ToString();
            var value = operation["value"]?.DeepClone();
            var problem = op switch
            {
                "add" or "replace" when path is null => value is JsonObject attributes ? MergeObject(resource, attributes) : "An operation without a path needs an object value.",
                "add" or "replace" => Set(resource, path, value, op == "add"),
                "remove" when path is not null && value is JsonArray items => RemoveItems(resource, path, items),
                "remove" when path is not null => Remove(resource, path),
                "remove" => "A remove operation needs a path.",
                _ => $"Unknown operation '{op}': use add, replace or remove.",
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? MergeObject(JsonObject resource, JsonObject attributes)
    {
        foreach (var (name, value) in attributes.ToList())
        {
            if (name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && value is JsonObject extension)
            {
                if (resource[name] is not JsonObject target) resource[name] = target = new JsonObject();
                foreach (var (key, inner) in extension.ToList()) target[key] = inner?.DeepClone();
            }
            else resource[name] = value?.DeepClone();
        }
        return null;
    }

    private static string? Set(JsonObject resource, string path, JsonNode? value, bool add)
    {
        var (container, name, problem) = Resolve(resource, path, create: true);
        if (problem is not null) return problem;
        if (container is null) return $"The path '{path}' names nothing that can be set.";
        // "add" to a multi-valued attribute appends (members, emails); everything else is replaced.
        if (add && container[name!] is JsonArray existing && value is JsonArray more)
        {
            foreach (var item in more) existing.Add(item?.DeepClone());
            return null;
        }
        container[name!] = value;
        return null;
    }

    /// <summary>Entra ID removes group members as {"op":"Remove","path":"members","value":[{"value":"id"}]}.</summary>
    private static string? RemoveItems(JsonObject resource, string path, JsonArray items)
    {
        if (resource[path] is not JsonArray array) return null;
        var ids = items.Select(i => (i as JsonObject)?["value"]?.ToString()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in array.Where(i => (i as JsonObject)?["value"]?.ToString() is { } id && ids.Contains(id)).ToList()) array.Remove(item);
        return null;
    }

    private static string? Remove(JsonObject resource, string path)
    {
        var filtered = Filtered().Match(path);
        if (filtered.Success && filtered.Groups["sub"].Value.Length == 0)
        {
            // members[value eq "id"]: drop the matching elements themselves.
            if (resource[filtered.Groups["attr"].Value] is JsonArray array)
                foreach (var item in array.Where(i => Matches(i, filtered)).ToList()) array.Remove(item);
            return null;
        }
        var (container, name, problem) = Resolve(resource, path, create: false);
        if (problem is not null) return problem;
        container?.Remove(name!);
        return null;
    }

    /// <summary>Finds the object that holds the last segment of <paramref name="path"/>, creating the way when asked.</summary>
    private static (JsonObject? Container, string? Name, string? Problem) Resolve(JsonObject resource, string path, bool create)
    {
        // Extension attributes: "urn:…:User:department" (the URN ends before the last colon).
        if (path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var colon = path.LastIndexOf(':');
            var urn = path[..colon];
            var rest = path[(colon + 1)..];
            if (resource[urn] is not JsonObject extension)
            {
                if (!create) return (null, null, null);
                resource[urn] = extension = new JsonObject();
            }
            return Resolve(extension, rest, create);
        }

        var filtered = Filtered().Match(path);
        if (filtered.Success)
        {
            var attribute = filtered.Groups["attr"].Value;
            if (resource[attribute] is not JsonArray array)
            {
                if (!create) return (null, null, null);
                resource[attribute] = array = new JsonArray();
            }
            var element = array.OfType<JsonObject>().FirstOrDefault(i => Matches(i, filtered));
            if (element is null)
            {
                if (!create) return (null, null, null);
                element = new JsonObject { [filtered.Groups["key"].Value] = filtered.Groups["value"].Value };
                array.Add(element);
            }
            var sub = filtered.Groups["sub"].Value;
            return sub.Length == 0 ? (null, null, $"The path '{path}' must name a sub-attribute to set (e.g. .value).") : (element, sub, null);
        }

        var dot = path.IndexOf('.');
        if (dot < 0) return (resource, path, null);
        var head = path[..dot];
        if (resource[head] is not JsonObject child)
        {
            if (!create) return (null, null, null);
            resource[head] = child = new JsonObject();
        }
        return (child, path[(dot + 1)..], null);
    }

    private static bool Matches(JsonNode? item, Match filter) =>
        item is JsonObject element && element[filter.Groups["key"].Value] is JsonValue v
        && string.Equals(v.ToString(), filter.Groups["value"].Value, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<attr>\w+)\[(?<key>\w+)\s+eq\s+""(?<value>[^""]*)""\](?:\.(?<sub>\w+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filtered();
}
