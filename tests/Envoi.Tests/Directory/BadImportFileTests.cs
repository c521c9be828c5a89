using System.Text;
using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary>Files that are not a directory at all: refused as a whole, with what they are and the limit named, nothing imported, no bytes echoed.</summary>
public sealed class BadImportFileTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync() => _envoi = await EnvoiTestHost.StartAsync();

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task<ImportFileException> RefusedAsync(byte[] bytes, bool json = false)
    {
        var import = _envoi.Get<DirectoryImport>();
        var attributes = await import.AttributesAsync(default);
        var rows = json ? JsonDirectoryReader.ReadAsync(new MemoryStream(bytes), attributes) : CsvDirectoryReader.ReadAsync(new MemoryStream(bytes), attributes);
        var error = await Assert.ThrowsAsync<ImportFileException>(() => import.RunAsync(rows, new ImportOptions("test", "bad", false, false), null, default));
        Assert.Empty(await _envoi.Get<IDirectoryStore>().SnapshotAsync(default));
        Assert.DoesNotContain(error.Message, c => char.IsControl(c) || c == '\uFFFD');
        return error;
    }

    private static byte[] Csv(string header, int rows) =>
        Encoding.UTF8.GetBytes(header + "\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"p{i}@example.com;Person {i}\n")));

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, "ZIP archive (an Excel .xlsx workbook is one)")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "old Office document (.xls)")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "an image")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x65, 0x00, 0x6D, 0x00 }, "UTF-16 text")]
    [InlineData(new byte[] { 0x65, 0x6D, 0x61, 0x69, 0x6C, 0x0A, 0x00, 0x01, 0x02, 0x9F, 0x92, 0x00 }, "binary, not text")]
    public async Task Binary_files_are_named_not_echoed(byte[] bytes, string expected)
    {
        var csv = await RefusedAsync(bytes);
        Assert.Contains(expected, csv.Message);
        var json = await RefusedAsync(bytes, json: true);
        Assert.Contains(expected, json.Message);
    }

    [Fact]
    public async Task Latin1_file_is_refused_with_the_offset_line_and_how_to_convert_it()
    {
        var latin1 = Encoding.Latin1.GetBytes("email;displayName\njose@example.com;José Müller\n");
        var error = await RefusedAsync(latin1);
        Assert.Contains("not UTF-8 text: byte 39 (line 2) is 0xE9", error.Message);
        Assert.Contains("CSV UTF-8", error.Message);
    }

    [Fact]
    public async Task Too_many_columns_is_refused_with_the_limit_named()
    {
        var header = "email;" + string.Join(';', Enumerable.Range(0, 600).Select(i => $"c{i}"));
        var error = await RefusedAsync(Encoding.UTF8.GetBytes(header + "\na@example.com\n"));
        Assert.Equal("The header has 601 columns, more than the limit of 500.", error.Message);
    }

    [Fact]
    public async Task Too_many_lines_is_refused_before_a_single_row_is_written()
    {
        // Imports commit every 2,000 rows: the check reads the whole file first, so nothing of it lands.
        var error = await RefusedAsync(Csv("email;displayName", 1_000_000));
        Assert.Equal("The file has more than 1000000 lines, the limit for an import; split it into smaller files.", error.Message);
    }

    [Fact]
    public void Size_limit_is_named_in_mebibytes()
    {
        var error = Assert.Throws<ImportFileException>(() => ImportFileCheck.Verify(new MemoryStream(Csv("email;displayName", 100)), csv: true, new ImportLimits(MaxBytes: 1000)));
        Assert.StartsWith("The file is 2598 bytes", error.Message);
        Assert.EndsWith("more than the limit of 1000 bytes for an import.", error.Message);
        Assert.Contains("256 MiB", Assert.Throws<ImportFileException>(() => ImportFileCheck.Verify(new LongStream(257L << 20), csv: false)).Message);
    }

    [Fact]
    public void Multibyte_characters_across_chunk_boundaries_are_valid()
    {
        // 65,535 ASCII bytes then "é": the two bytes of é straddle the first 64 KiB chunk.
        var text = "email;displayName\n" + new string('a', 65535 - 18) + "é;ü\n";
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(text)) { Position = 0 };
        ImportFileCheck.Verify(stream, csv: true);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task Cli_says_what_the_file_is()
    {
        var file = Path.Combine(_envoi.DataDirectory, "people.csv");
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes("email;displayName\nzoe@example.com;Zoë\n"));
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", file);
        Assert.Equal(1, exit);
        Assert.Contains("people.csv was not imported: The file is not UTF-8 text: byte 37 (line 2) is 0xEB", output);
    }

    /// <summary>A stream that says it is long, without the memory.</summary>
    private sealed class LongStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => 0;
        public override long Seek(long offset, SeekOrigin origin) => Position = offset;
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
