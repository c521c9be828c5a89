using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Envoi.Core.Csv;

namespace Envoi.Core.Directory.Import;

/// <summary>
/// Reads a directory CSV: a header row (case-insensitive; an email column required) of attribute
/// names or of the headers Entra ID, Google Workspace and Okta exports use (<see cref="ColumnMapping"/>),
/// separated by <c>;</c>, <c>,</c> or a tab (whichever the header uses), UTF-8 with or without BOM.
/// A header naming an unknown column refuses the file unless the options ignore or map it, since a
/// misspelt column would otherwise drop its data silently. A row with the wrong number of cells or
/// broken quoting is reported with its line number and skipped.
/// </summary>
public static class CsvDirectoryReader
{
    public static IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, IReadOnlyCollection<AttributeDefinition> attributes, CancellationToken ct = default) =>
        ReadAsync(stream, attributes, ColumnOptions.Strict, ct);

    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, IReadOnlyCollection<AttributeDefinition> attributes, ColumnOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ImportFileCheck.Verify(stream, csv: true);
        var badData = new BadData();
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = Open(reader, badData);
        var mapping = await HeaderAsync(csv, attributes, options);
        var width = mapping.Columns.Count;

        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            if (badData.Found is { } found)
            {
                yield return new ImportRow(line, new Dictionary<string, string>(), $"{found}.");
                badData.Found = null;
                continue;
            }
            if (csv.Parser.Count != width)
            {
                yield return new ImportRow(line, new Dictionary<string, string>(), $"{csv.Parser.Count} cells, but the header has {width} columns.");
                continue;
            }
            yield return new ImportRow(line, mapping.Cells(i => CsvFormulaGuard.Restore(csv.Parser[i] ?? "")));
        }
    }

    /// <summary>How the file's columns would be read (for a dry run), without reading its rows; leaves the stream where it was.</summary>
    public static async Task<ColumnMapping> ReadColumnsAsync(Stream stream, IReadOnlyCollection<AttributeDefinition> attributes, ColumnOptions options)
    {
        var start = stream.Position;
        try
        {
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            using var csv = Open(reader, new BadData());
            return await HeaderAsync(csv, attributes, options);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static CsvReader Open(StreamReader reader, BadData badData) => new(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", ",", "\t"],
        DetectColumnCountChanges = false,
        BadDataFound = args => badData.Found ??= $"broken quoting near \"{Shorten(args.Field)}\"",
        MissingFieldFound = null,
        TrimOptions = TrimOptions.Trim,
        IgnoreBlankLines = true,
    });

    private static async Task<ColumnMapping> HeaderAsync(CsvReader csv, IReadOnlyCollection<AttributeDefinition> attributes, ColumnOptions options)
    {
        if (!await csv.ReadAsync()) throw new ImportFileException("The file is empty: the first line must name the columns (email, displayName, jobTitle…).");
        csv.ReadHeader();
        return ColumnMapping.Resolve(csv.HeaderRecord ?? [], attributes, options);
    }

    /// <summary>The first quoting problem of the row being read, reported on that row.</summary>
    private sealed class BadData
    {
        public string? Found;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
