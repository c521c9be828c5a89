using Envoi.Core.Queue;

namespace Envoi.Mail.Spool;

/// <summary>
/// Where acceptance and injection put a new body before its queue row is committed: a spool file
/// (written now, fsynced while the row commits) or the database (the body rides in
/// <see cref="NewMessage.Body"/> and is committed with the row).
/// </summary>
public interface IBodyWriter
{
    Task<PendingBody> CreateAsync(string id, IEnumerable<ReadOnlyMemory<byte>> pieces, CancellationToken cancellationToken);
}

/// <summary>A body written but not yet durable; 250 waits for <see cref="FlushToDiskAsync"/> and the row's commit.</summary>
public sealed class PendingBody : IAsyncDisposable
{
    private readonly FileSpool.UnflushedBody? _file;

    private PendingBody(FileSpool.UnflushedBody? file, ReadOnlyMemory<byte>? inline, long length)
    {
        _file = file;
        Inline = inline;
        Length = length;
    }

    public static PendingBody InFile(FileSpool.UnflushedBody file) => new(file, null, file.Length);

    public static PendingBody InRow(ReadOnlyMemory<byte> body) => new(null, body, body.Length);

    public long Length { get; }

    /// <summary>The bytes to commit with the row (<see cref="NewMessage.Body"/>); null for a spool file.</summary>
    public ReadOnlyMemory<byte>? Inline { get; }

    public Task FlushToDiskAsync() => _file?.FlushToDiskAsync() ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>Bodies as spool files (<see cref="FileSpool"/>).</summary>
public sealed class FileBodyWriter(FileSpool spool) : IBodyWriter
{
    public async Task<PendingBody> CreateAsync(string id, IEnumerable<ReadOnlyMemory<byte>> pieces, CancellationToken cancellationToken) =>
        PendingBody.InFile(await spool.CreateAsync(id, pieces, cancellationToken));
}

/// <summary>Bodies in the database: joined into one buffer that the queue writer commits with the row.</summary>
public sealed class DatabaseBodyWriter : IBodyWriter
{
    public Task<PendingBody> CreateAsync(string id, IEnumerable<ReadOnlyMemory<byte>> pieces, CancellationToken cancellationToken)
    {
        var list = pieces as IReadOnlyCollection<ReadOnlyMemory<byte>> ?? pieces.ToList();
        var body = new byte[list.Sum(p => (long)p.Length)];
        var at = 0;
        foreach (var piece in list)
        {
            piece.Span.CopyTo(body.AsSpan(at));
            at += piece.Length;
        }
        return Task.FromResult(PendingBody.InRow(body));
    }
}
