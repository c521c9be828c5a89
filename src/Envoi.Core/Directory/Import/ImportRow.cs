namespace Envoi.Core.Directory.Import;

/// <summary>
/// One record of an import file: where it is (line in a CSV, item number in JSON), its cells by
/// attribute name, or why it could not even be read.
/// </summary>
public sealed record ImportRow(long Line, IReadOnlyDictionary<string, string> Cells, string? ReadError = null);

/// <summary>A file-level problem (bad header, not JSON…): the whole file is refused and nothing changes.</summary>
public class ImportFileException(string message) : Exception(message);

/// <summary>How far an import has got, for a progress bar.</summary>
public readonly record struct ImportProgress(long Rows, long BytesRead, long TotalBytes);
