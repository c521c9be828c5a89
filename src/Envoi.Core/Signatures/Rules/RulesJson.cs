using System.Text.Json;
using System.Text.Json.Serialization;

namespace Envoi.Core.Signatures.Rules;

/// <summary>
/// The one JSON shape of rules, used by the database, the REST API and <c>envoi signatures rules</c>:
/// camelCase, enums as words ("anyExternal", "reply").
/// </summary>
public static class RulesJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Reads a rule list, or says what is wrong with the JSON (with its line).</summary>
    public static (IReadOnlyList<SignatureRule>? Rules, string? Error) Read(string json)
    {
        try
        {
            var rules = JsonSerializer.Deserialize<List<SignatureRule>>(json, Options);
            if (rules is null) return (null, "expected a JSON array of rules");
            if (rules.Any(r => r is null || r.When is null || r.Then is null || r.Name is null))
                return (null, "every rule needs \"name\", \"when\" (may be {}) and \"then\" ({\"signature\": NAME or null})");
            return (rules, null);
        }
        catch (JsonException e)
        {
            return (null, $"invalid rules JSON{(e.LineNumber is { } line ? $" at line {line + 1}" : "")}: {e.Message.Split(" Path:")[0]}");
        }
    }
}
