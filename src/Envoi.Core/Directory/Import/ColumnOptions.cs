namespace Envoi.Core.Directory.Import;

/// <summary>What the person importing said about columns that are not attributes.</summary>
/// <param name="IgnoreUnknown">Leave unknown columns aside (the import lists them) instead of refusing the file.</param>
/// <param name="Map">Column header → attribute, for columns Envoi does not recognize or should read differently; wins over every other reading of the column.</param>
public sealed record ColumnOptions(bool IgnoreUnknown = false, IReadOnlyDictionary<string, string>? Map = null)
{
    /// <summary>Attribute names and the known export headers only; anything else refuses the file.</summary>
    public static ColumnOptions Strict { get; } = new();
}

/// <summary>A header names columns that are not attributes: nothing was imported; map or ignore them.</summary>
public sealed class UnknownColumnsException(string message, IReadOnlyList<string> columns) : ImportFileException(message)
{
    public IReadOnlyList<string> Columns { get; } = columns;
}
