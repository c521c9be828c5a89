namespace Envoi.Core.Storage;

/// <summary>A folder of the data directory (the spool, captured mail): its files and their bytes, subfolders included.</summary>
public sealed class FolderStorageProbe(string name, string path) : IStorageProbe
{
    public Task<IReadOnlyList<StoreSize>> MeasureAsync(CancellationToken ct)
    {
        long files = 0, bytes = 0;
        if (System.IO.Directory.Exists(path))
        {
            foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                ct.ThrowIfCancellationRequested();
                files++;
                bytes += file.Length;
            }
        }
        return Task.FromResult<IReadOnlyList<StoreSize>>([new StoreSize(name, path, bytes, files, "files")]);
    }
}
