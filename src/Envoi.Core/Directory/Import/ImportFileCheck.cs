using System.Buffers;
using System.Text.Unicode;

namespace Envoi.Core.Directory.Import;

/// <summary>The largest import file Envoi reads: big enough for any company directory, small enough to refuse a mistake.</summary>
/// <param name="MaxBytes">File size.</param>
/// <param name="MaxLines">Lines of a CSV file (header included).</param>
/// <param name="MaxColumns">Columns of a CSV header.</param>
public sealed record ImportLimits(long MaxBytes = 256L << 20, long MaxLines = 1_000_000, int MaxColumns = 500)
{
    public static ImportLimits Default { get; } = new();
}

/// <summary>
/// Looks at a whole import file before any row is read, so a file that is not UTF-8 text, or is
/// too big, is refused before the first batch is written (imports commit every 2,000 rows).
/// The refusal names the kind of file or the byte offset and line, never echoes the bytes
/// (they would garble a terminal or a web page), and names the limit that was exceeded.
/// One extra pass over the file, with vectorised UTF-8 validation (System.Text.Unicode.Utf8).
/// </summary>
public static class ImportFileCheck
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Throws <see cref="ImportFileException"/> when the file cannot be a directory file; leaves the stream where it was.</summary>
    /// <param name="csv">Counts lines and header columns (a JSON file is only held to the size limit).</param>
    public static void Verify(Stream stream, bool csv, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        if (!stream.CanSeek) throw new ArgumentException("The import file check reads the file twice; give it a seekable stream.", nameof(stream));
        var start = stream.Position;
        if (stream.Length - start > limits.MaxBytes)
            throw new ImportFileException($"The file is {Size(stream.Length - start)}, more than the limit of {Size(limits.MaxBytes)} for an import.");

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        try
        {
            var scan = new Scan();
            var carried = 0;
            int read;
            while ((read = stream.Read(buffer, carried, ChunkBytes)) > 0 || carried > 0)
            {
                var length = carried + read;
                if (scan.Offset == 0) RefuseKnownBinary(buffer.AsSpan(0, length));
                var final = read == 0;
                var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: final);
                scan.Count(buffer.AsSpan(0, valid), csv, limits);
                if (status == System.Buffers.OperationStatus.InvalidData && buffer.AsSpan(0, length).Contains((byte)0))
                    throw new ImportFileException($"The file is binary, not text: byte {scan.Offset + 1} (line {scan.Lines + 1}) and others are not text.");
                if (status == System.Buffers.OperationStatus.InvalidData)
                    throw new ImportFileException($"The file is not UTF-8 text: byte {scan.Offset + 1} (line {scan.Lines + 1}) is 0x{buffer[valid]:X2}, which UTF-8 does not allow there. "
                        + "It is probably in a legacy encoding such as Windows-1252 or ISO-8859-1: save it as \"CSV UTF-8\" (Excel) or re-encode it (iconv -f WINDOWS-1252 -t UTF-8) and import it again.");
                // An incomplete sequence at the end of a chunk continues in the next one.
                carried = length - valid;
                if (carried > 0) buffer.AsSpan(valid, carried).CopyTo(buffer);
                if (final) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
            stream.Position = start;
        }
    }

    /// <summary>Files people upload by mistake, named, so the message says what to do instead.</summary>
    private static void RefuseKnownBinary(ReadOnlySpan<byte> head)
    {
        string? kind = head switch
        {
            [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive (an Excel .xlsx workbook is one): open it and save it as \"CSV UTF-8\"",
            [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Office document (.xls): open it and save it as \"CSV UTF-8\"",
            [0x25, 0x50, 0x44, 0x46, ..] => "a PDF document",
            [0x89, 0x50, 0x4E, 0x47, ..] or [0xFF, 0xD8, 0xFF, ..] or [0x47, 0x49, 0x46, 0x38, ..] => "an image",
            [0x1F, 0x8B, ..] => "a gzip archive: decompress it first",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16 text: save it as UTF-8 (in Excel: \"CSV UTF-8\")",
            _ => null,
        };
        if (kind is not null) throw new ImportFileException($"The file is {kind}, not a UTF-8 text file.");
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.#} MiB ({bytes} bytes)" : $"{bytes} bytes";

    /// <summary>What the pass has seen so far: where it is, how many lines, and the header.</summary>
    private sealed class Scan
    {
        public long Offset;
        public long Lines;
        private readonly int[] _separators = new int[3]; // ';' ',' '\t' on the header line, outside quotes
        private bool _quoted;

        public void Count(ReadOnlySpan<byte> valid, bool csv, ImportLimits limits)
        {
            var zero = valid.IndexOf((byte)0);
            if (zero >= 0)
                throw new ImportFileException($"The file is binary, not text: byte {Offset + zero + 1} (line {Lines + 1 + valid[..zero].Count((byte)'\n')}) is a NUL byte.");
            if (csv && Lines == 0) CountHeader(valid, limits);
            if (csv)
            {
                Lines += valid.Count((byte)'\n');
                if (Lines > limits.MaxLines)
                    throw new ImportFileException($"The file has more than {limits.MaxLines} lines, the limit for an import; split it into smaller files.");
            }
            Offset += valid.Length;
        }

        private void CountHeader(ReadOnlySpan<byte> valid, ImportLimits limits)
        {
            foreach (var b in valid)
            {
                if (b == '\n') break;
                if (b == '"') _quoted = !_quoted;
                else if (!_quoted && b is (byte)';' or (byte)',' or (byte)'\t') _separators[b == ';' ? 0 : b == ',' ? 1 : 2]++;
            }
            var columns = _separators.Max() + 1;
            if (columns > limits.MaxColumns)
                throw new ImportFileException($"The header has {columns} columns, more than the limit of {limits.MaxColumns}.");
        }
    }
}
