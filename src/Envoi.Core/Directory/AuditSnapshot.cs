using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Envoi.Core.Directory;

/// <summary>
/// The state of a changed thing as the audit keeps it: indented JSON with camelCase names, so an
/// administrator reads the before and after side by side without a tool. Secrets never go in: a
/// caller snapshots what it may show (a token's name, never its value; a user's roles, never the hash).
/// </summary>
public static class AuditSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable accents and quotes in templates: the snapshot is shown as text, never as HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string? Of<T>(T? state) => state is null ? null : JsonSerializer.Serialize(state, Options);
}
