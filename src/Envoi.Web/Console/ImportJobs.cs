using System.Collections.Concurrent;
using Envoi.Core.Directory.Import;
using Microsoft.Extensions.Logging;

namespace Envoi.Web.Console;

/// <summary>
/// Directory imports started from the console run in the background, so a 100 000-row file does not
/// hold a browser request open: the page shows the progress (bytes read of the upload) and then the
/// row report. The upload is a temporary file, read as a stream and deleted afterwards.
/// </summary>
public sealed class ImportJobs(DirectoryImport import, ILogger<ImportJobs> logger)
{
    public sealed class Job(string owner, string fileName, long totalBytes)
    {
        public string Owner { get; } = owner;
        public string FileName { get; } = fileName;
        public long TotalBytes { get; } = totalBytes;
        public long DoneBytes;
        public ImportReport? Report { get; internal set; }
        public string? Error { get; internal set; }
        public bool Finished => Report is not null || Error is not null;
        public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    }

    private readonly ConcurrentDictionary<string, Job> _jobs = new();

    public string Start(string owner, string tempFile, string fileName, bool json, bool dryRun, bool deactivateMissing)
    {
        // Reports are kept a day for the page to show, then forgotten, so jobs never accumulate.
        foreach (var old in _jobs.Where(j => j.Value.Finished && j.Value.StartedAt < DateTimeOffset.UtcNow.AddDays(-1)).Select(j => j.Key).ToList())
            _jobs.TryRemove(old, out _);
        var id = Guid.NewGuid().ToString("N");
        var job = new Job(owner, fileName, new FileInfo(tempFile).Length);
        _jobs[id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var stream = new FileStream(tempFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var attributes = await import.AttributesAsync(CancellationToken.None);
                var rows = json ? JsonDirectoryReader.ReadAsync(stream, attributes, CancellationToken.None) : CsvDirectoryReader.ReadAsync(stream, attributes, CancellationToken.None);
                job.Report = await import.RunAsync(rows, new ImportOptions(owner, fileName, dryRun, deactivateMissing),
                    new ReadPositionProgress(stream, position => Interlocked.Exchange(ref job.DoneBytes, position)), CancellationToken.None);
            }
            catch (ImportFileException e)
            {
                job.Error = $"{fileName} was not imported: {e.Message}";
            }
            catch (Exception e)
            {
                logger.LogError(e, "Console import of {File} failed", fileName);
                job.Error = $"{fileName} could not be imported ({e.GetType().Name}); nothing was half-applied, see the server log.";
            }
            finally
            {
                File.Delete(tempFile);
            }
        });
        return id;
    }

    /// <summary>The job, only for the administrator who started it.</summary>
    public Job? Find(string id, string owner) => _jobs.TryGetValue(id, out var job) && job.Owner == owner ? job : null;
}
