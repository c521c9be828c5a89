using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Envoi.Core.Csv;

namespace Envoi.Core.Directory.Import;

/// <summary>
/// Reads a directory CSV: a header row of attribute names (case-insensitive; <c>email</c> required),
/// separated by <c>;</c> or <c>,</c> (whichever the header uses), UTF-8 with or without BOM.
/// A header naming an unknown attribute refuses the file, since a misspelt column would
/// otherwise drop its data silently. A row with the wrong number of cells or broken quoting is
/// reported with its line number and skipped.
/// </summary>
public static class CsvDirectoryReader
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, IReadOnlyCollection<AttributeDefinition> attributes, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ImportFileCheck.Verify(stream, csv: true);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            DetectColumnCountChanges = false,
            BadDataFound = args => badData ??= $"broken quoting near \"{Shorten(args.Field)}\"",
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync()) throw new ImportFileException("The file is empty: the first line must name the columns (email, displayName, jobTitle…).");
        csv.ReadHeader();
        var columns = MapHeader(csv.HeaderRecord ?? [], attributes);

        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            if (badData is not null)
            {
                yield return new ImportRow(line, new Dictionary<string, string>(), $"{badData}.");
                badData = null;
                continue;
            }
            if (csv.Parser.Count != columns.Length)
            {
                yield return new ImportRow(line, new Dictionary<string, string>(), $"{csv.Parser.Count} cells, but the header has {columns.Length} columns.");
                continue;
            }
            var cells = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++) cells[columns[i]] = CsvFormulaGuard.Restore(csv.Parser[i] ?? "");
            yield return new ImportRow(line, cells);
        }
    }

    /// <summary>Canonical attribute names for the header cells; throws on an unknown, duplicated or missing column.</summary>
    private static string[] MapHeader(string[] header, IReadOnlyCollection<AttributeDefinition> attributes)
    {
        var known = attributes.Select(a => a.Name).Append(StandardAttributes.Email).Append(StandardAttributes.Aliases).ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);
        var columns = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Equals("e-mail", StringComparison.OrdinalIgnoreCase) || name.Equals("mail", StringComparison.OrdinalIgnoreCase)) name = StandardAttributes.Email;
            if (!known.TryGetValue(name, out var canonical))
                throw new ImportFileException($"Line 1, column {i + 1}: '{header[i]}' is not an attribute. Known attributes: {string.Join(", ", known.Values.Order())}.");
            if (columns.Contains(canonical))
                throw new ImportFileException($"Line 1, column {i + 1}: column '{canonical}' appears twice.");
            columns[i] = canonical;
        }
        if (!columns.Contains(StandardAttributes.Email))
            throw new ImportFileException("Line 1: there is no 'email' column; every row needs the employee's email address.");
        return columns;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
