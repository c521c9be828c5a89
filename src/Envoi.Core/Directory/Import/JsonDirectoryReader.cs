using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Envoi.Core.Directory.Import;

/// <summary>
/// Reads a directory JSON file: an array of objects whose keys are attribute names (<c>email</c>
/// required) and whose values are strings (numbers and booleans are taken as text, null as empty).
/// Items are streamed, so a file of any size is read in constant memory.
/// </summary>
public static class JsonDirectoryReader
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, IReadOnlyCollection<AttributeDefinition> attributes, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ImportFileCheck.Verify(stream, csv: false);
        var known = attributes.Select(a => a.Name).Append(StandardAttributes.Email).Append(StandardAttributes.Aliases).ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct);
        var enumerator = items.GetAsyncEnumerator(ct);
        long index = 0;
        while (true)
        {
            JsonElement item;
            try
            {
                if (!await enumerator.MoveNextAsync()) break;
                item = enumerator.Current;
            }
            catch (JsonException e)
            {
                throw new ImportFileException($"The file is not a JSON array of objects (after item {index}): {e.Message}");
            }
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                yield return new ImportRow(index, new Dictionary<string, string>(), $"expected an object like {{\"email\": \"…\"}}, found {item.ValueKind}.");
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            string? error;
            try
            {
                error = ReadCells(item, known, cells);
            }
            catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
            {
                // System.Text.Json checks UTF-8 only when a name or string is read (found by fuzzing: a
                // Latin-1 file used to fail with "Cannot transcode invalid UTF-8 JSON text").
                throw new ImportFileException($"The file is not UTF-8 text (item {index} holds bytes that are not UTF-8): save it as UTF-8 and import it again.");
            }
            yield return error is null ? new ImportRow(index, cells) : new ImportRow(index, new Dictionary<string, string>(), error);
        }
    }

    /// <summary>Fills <paramref name="cells"/> from one object; returns why the item is refused, or null.</summary>
    private static string? ReadCells(JsonElement item, Dictionary<string, string> known, Dictionary<string, string> cells)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!known.TryGetValue(property.Name, out var name)) return $"'{property.Name}' is not an attribute.";
            cells[name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Null => "",
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                // "aliases": ["a@x", "b@y"]
                JsonValueKind.Array when name == StandardAttributes.Aliases && property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                    => string.Join(' ', property.Value.EnumerateArray().Select(v => v.GetString())),
                _ => "\u0000", // objects and arrays: refused below
            };
            if (cells[name] == "\u0000") return $"'{property.Name}' must be a string, not {property.Value.ValueKind}.";
        }
        return null;
    }
}
