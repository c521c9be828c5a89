namespace Envoi.Core.Directory.Import;

/// <summary>
/// Reports how far an import has read its file, synchronously on the importing thread.
/// (<see cref="Progress{T}"/> would post to the thread pool, and a late callback could read the
/// position of a file already closed.)
/// </summary>
public sealed class ReadPositionProgress(Stream file, Action<long> onPosition) : IProgress<long>
{
    public void Report(long value)
    {
        if (file.CanSeek) onPosition(file.Position);
    }
}
