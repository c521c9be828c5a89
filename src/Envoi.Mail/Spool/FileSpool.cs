using System.Runtime.InteropServices;
using Envoi.Core.Queue;

namespace Envoi.Mail.Spool;

/// <summary>
/// One file per message in <c>DATA/spool</c>. A body is written to its final name, fsynced, and
/// only then is its queue row committed; the directory itself is fsynced once per commit batch so
/// the new names survive a power cut too. A file without a row (crash before commit) was never
/// acknowledged and is removed at start-up.
/// </summary>
public sealed class FileSpool : IMessageSpool
{
    private readonly string _directory;

    public FileSpool(string dataDirectory, string? spoolDirectory = null)
    {
        _directory = spoolDirectory is null ? Path.Combine(dataDirectory, "spool") : Path.GetFullPath(spoolDirectory);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>
    /// Writes several pieces (prepended headers, then the client's bytes) without joining them,
    /// complete in the page cache but not yet on disk: the caller flushes it while the queue row is
    /// being committed, and answers 250 only once both are done.
    /// </summary>
    public async Task<UnflushedBody> CreateAsync(string id, IEnumerable<ReadOnlyMemory<byte>> pieces, CancellationToken cancellationToken)
    {
        var file = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        try
        {
            foreach (var piece in pieces) await file.WriteAsync(piece, cancellationToken);
            return new UnflushedBody(file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Length of the body on disk, or -1 when there is none.</summary>
    public long LengthOf(string id)
    {
        var info = new FileInfo(PathOf(id));
        return info.Exists ? info.Length : -1;
    }

    /// <summary>When the body was last written, or null when there is none.</summary>
    public DateTimeOffset? ModifiedAt(string id)
    {
        var info = new FileInfo(PathOf(id));
        return info.Exists ? info.LastWriteTimeUtc : null;
    }

    public void FlushDirectories() => FsyncDirectory(_directory);

    public Stream OpenRead(string id) =>
        new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);

    public bool Exists(string id) => File.Exists(PathOf(id));

    public void Delete(string id) => File.Delete(PathOf(id));

    public IEnumerable<string> ListIds() =>
        Directory.EnumerateFiles(_directory, "*.eml").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    public sealed class UnflushedBody(FileStream file) : IAsyncDisposable
    {
        public long Length { get; } = file.Length;

        /// <summary>fsync, on a pool thread so the commit of the row proceeds meanwhile.</summary>
        public Task FlushToDiskAsync() => Task.Run(() => file.Flush(flushToDisk: true));

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }

    private string PathOf(string id)
    {
        // Ids come from QueueId; the check keeps a forged id from naming a path outside the spool.
        if (!QueueId.IsWellFormed(id)) throw new ArgumentException($"'{id}' is not a queue id.", nameof(id));
        return Path.Combine(_directory, id + ".eml");
    }

    private static void FsyncDirectory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // NTFS journals directory entries itself.
        var fd = Native.open(path, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Cannot open spool directory {path} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Native.fsync(fd) != 0) throw new IOException($"fsync of spool directory {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            Native.close(fd);
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }
}
