using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;

namespace Envoi.Fuzz.Targets;

/// <summary>
/// The directory importers (CSV and JSON) on any file: the only way to refuse a file is an
/// <see cref="ImportFileException"/> with a sentence; every row either carries cells named after known
/// attributes or a read error, with a line number that grows; every value goes through the attribute
/// validator without throwing.
/// </summary>
public sealed class DirectoryImportTarget(DirectoryImportTarget.Format format) : IFuzzTarget
{
    public enum Format { Csv, Json }

    public string Name => format == Format.Csv ? "import-csv" : "import-json";
    public string Description => $"directory import of a {format.ToString().ToUpperInvariant()} file: clear refusal or rows of known attributes, validator never throws";

    private static readonly IReadOnlyList<AttributeDefinition> Attributes = StandardAttributes.All;
    private static readonly Dictionary<string, AttributeDefinition> ByName = Attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public void Run(byte[] input)
    {
        try
        {
            ReadAsync(input).GetAwaiter().GetResult();
        }
        catch (ImportFileException e) when (e.Message.Length > 0)
        {
            // A clear refusal of the whole file: what the CLI and the console show.
        }
    }

    private async Task ReadAsync(byte[] input)
    {
        using var stream = new MemoryStream(input, writable: false);
        var rows = format == Format.Csv ? CsvDirectoryReader.ReadAsync(stream, Attributes) : JsonDirectoryReader.ReadAsync(stream, Attributes);
        long previous = 0;
        await foreach (var row in rows)
        {
            if (row.Line <= previous) throw new InvariantViolation($"row line {row.Line} after line {previous}");
            previous = row.Line;
            if (row.ReadError is not null)
            {
                if (row.ReadError.Length == 0) throw new InvariantViolation($"line {row.Line}: an empty read error");
                continue;
            }
            foreach (var (name, value) in row.Cells)
            {
                if (value is null) throw new InvariantViolation($"line {row.Line}: a null value for {name}");
                if (ByName.TryGetValue(name, out var attribute)) AttributeValidator.Validate(attribute, value);
                else if (name is not (StandardAttributes.Email or StandardAttributes.Aliases))
                    throw new InvariantViolation($"line {row.Line}: a cell for '{name}', which is not an attribute");
            }
        }
    }
}
