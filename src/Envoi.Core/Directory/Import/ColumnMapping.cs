using System.Text;

namespace Envoi.Core.Directory.Import;

/// <summary>How one column of an import file is read.</summary>
/// <param name="Attribute">The attribute it fills, or null when the column is left aside.</param>
/// <param name="Reason">Why, in words for the dry run: "named like the attribute", "Entra ID column", "--map", "not used"…</param>
public sealed record MappedColumn(int Index, string Header, string? Attribute, string Reason);

/// <summary>
/// Reads a header row into attributes: a column named like an attribute (any case) fills it; then
/// the headers of real exports (<see cref="ColumnAliases"/>); then a header that is an attribute
/// name once spaces and case are set aside ("Job Title"). <see cref="ColumnOptions.Map"/> overrides
/// all of these. When several columns fill one attribute, the first of them with a value wins, in
/// that order, so an Entra export's empty <c>mail</c> falls back to <c>userPrincipalName</c>.
/// A column nobody recognizes refuses the file unless it is ignored: a misspelt column would
/// otherwise drop its data silently.
/// </summary>
public sealed class ColumnMapping
{
    private readonly (string Attribute, int[] Columns)[] _sources;

    private ColumnMapping(IReadOnlyList<MappedColumn> columns, (string, int[])[] sources)
    {
        Columns = columns;
        _sources = sources;
    }

    public IReadOnlyList<MappedColumn> Columns { get; }

    /// <summary>Columns that are not attributes and were left aside because the import was told to ignore them.</summary>
    public IReadOnlyList<string> IgnoredUnknown => Columns.Where(c => c.Attribute is null && c.Reason == IgnoredReason).Select(c => c.Header).ToList();

    /// <summary>The attributes the file fills, each with its columns in the order they are tried.</summary>
    public IEnumerable<(string Attribute, IReadOnlyList<string> Headers)> Attributes =>
        _sources.Select(s => (s.Attribute, (IReadOnlyList<string>)s.Columns.Select(i => Columns[i].Header).ToList()));

    private const string IgnoredReason = "not an attribute, ignored";

    /// <summary>The row's cells by attribute: for each attribute, the first of its columns with a value (else the first, empty).</summary>
    public Dictionary<string, string> Cells(Func<int, string> cell)
    {
        var cells = new Dictionary<string, string>(_sources.Length, StringComparer.Ordinal);
        foreach (var (attribute, columns) in _sources)
        {
            var value = cell(columns[0]);
            for (var i = 1; i < columns.Length && value.Length == 0; i++) value = cell(columns[i]);
            cells[attribute] = value;
        }
        return cells;
    }

    /// <summary>Throws <see cref="ImportFileException"/> on an unknown (not ignored), duplicated or missing email column, or a bad <c>--map</c>.</summary>
    public static ColumnMapping Resolve(IReadOnlyList<string> header, IReadOnlyCollection<AttributeDefinition> attributes, ColumnOptions options)
    {
        var names = attributes.Select(a => a.Name).Append(StandardAttributes.Email).Append(StandardAttributes.Aliases).Distinct(StringComparer.Ordinal).ToList();
        var exact = names.ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names) normalized.TryAdd(Normalize(name), name);
        var aliases = new Dictionary<string, (ColumnAliases.Alias Alias, int Rank)>(StringComparer.Ordinal);
        for (var i = 0; i < ColumnAliases.All.Count; i++)
        {
            var alias = ColumnAliases.All[i];
            if (alias.Attribute is null || exact.ContainsKey(alias.Attribute)) aliases.TryAdd(Normalize(alias.Header), (alias, i));
        }
        var map = MapOptions(header, options, exact);

        var cleaned = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToArray();
        var columns = new MappedColumn[cleaned.Length];
        var ranked = new List<(string Attribute, int Rank, int Column)>();
        var unknown = new List<int>();
        for (var i = 0; i < cleaned.Length; i++)
        {
            var name = cleaned[i];
            string? attribute = null;
            int rank;
            string reason;
            if (map.TryGetValue(name, out var mapped)) (attribute, rank, reason) = (mapped, 0, "--map");
            else if (exact.TryGetValue(name, out var canonical)) (attribute, rank, reason) = (canonical, 1, "named like the attribute");
            else if (aliases.TryGetValue(Normalize(name), out var known))
            {
                (attribute, rank) = (known.Alias.Attribute, 3 + known.Rank);
                reason = attribute is null ? $"{known.Alias.Origin} column, not used" : $"{known.Alias.Origin} column";
            }
            else if (name.Length > 0 && normalized.TryGetValue(Normalize(name), out var loose)) (attribute, rank, reason) = (loose, 2, "the attribute's name");
            else
            {
                unknown.Add(i);
                (rank, reason) = (-1, IgnoredReason);
            }
            columns[i] = new MappedColumn(i, name, attribute, reason);
            if (attribute is null) continue;
            if (ranked.FirstOrDefault(r => r.Attribute == attribute && r.Rank == rank) is { Attribute: not null } twin)
                throw new ImportFileException(rank == 1
                    ? $"Line 1, column {i + 1}: column '{attribute}' appears twice."
                    : $"Line 1, column {i + 1}: '{name}' and column {twin.Column + 1} ('{cleaned[twin.Column]}') both give {attribute}; remove one, or say which with --map.");
            ranked.Add((attribute, rank, i));
        }

        if (unknown.Count > 0 && !options.IgnoreUnknown)
        {
            var list = unknown.Select(i => cleaned[i].Length == 0 ? $"column {i + 1} (no header)" : $"'{cleaned[i]}' (column {i + 1})").ToList();
            var known = string.Join(", ", exact.Values.Order(StringComparer.Ordinal));
            throw new UnknownColumnsException(unknown.Count == 1 && cleaned[unknown[0]].Length > 0
                ? $"Line 1, column {unknown[0] + 1}: '{cleaned[unknown[0]]}' is not an attribute. Known attributes: {known}."
                : $"Line 1: {unknown.Count} columns are not attributes: {string.Join(", ", list)}. Known attributes: {known}.",
                unknown.Select(i => cleaned[i]).ToList());
        }
        if (!ranked.Any(r => r.Attribute == StandardAttributes.Email))
            throw new ImportFileException("Line 1: there is no 'email' column; every row needs the employee's email address.");

        var sources = ranked.GroupBy(r => r.Attribute, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderBy(r => r.Rank).Select(r => r.Column).ToArray()))
            .ToArray();
        return new ColumnMapping(columns, sources);
    }

    /// <summary>A header as compared with the alias table: lower case, without spaces, <c>_</c>, <c>-</c>, a <c>profile.</c> prefix (Okta) or bracketed notes such as <c>[Required]</c> (Google).</summary>
    public static string Normalize(string header)
    {
        var text = header.Trim();
        if (text.StartsWith("profile.", StringComparison.OrdinalIgnoreCase)) text = text["profile.".Length..];
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            else if (depth == 0 && !char.IsWhiteSpace(c) && c is not ('_' or '-')) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The --map pairs by header as the file spells it; each column must exist and each attribute be known.</summary>
    private static Dictionary<string, string> MapOptions(IReadOnlyList<string> header, ColumnOptions options, Dictionary<string, string> exact)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, attribute) in options.Map ?? new Dictionary<string, string>())
        {
            if (!exact.TryGetValue(attribute.Trim(), out var canonical))
                throw new ImportFileException($"Mapping '{column}={attribute}': '{attribute}' is not an attribute. Known attributes: {string.Join(", ", exact.Values.Order(StringComparer.Ordinal))}.");
            var match = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).FirstOrDefault(h => h.Equals(column.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
                throw new ImportFileException($"Mapping '{column}={attribute}': the file has no column '{column}'. Its columns: {string.Join(", ", header.Select(h => $"'{h.Trim()}'"))}.");
            map[match] = canonical;
        }
        return map;
    }
}
