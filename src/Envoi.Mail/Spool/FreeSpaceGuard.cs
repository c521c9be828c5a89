using Envoi.Core.Observability;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Spool;

/// <summary>
/// Watches the free space of the file systems holding the spool and the data directory (the SQLite
/// database). Below <see cref="SpoolOptions.WarnFreeMegabytes"/> it warns (log, metric, <c>/healthz</c>);
/// below <see cref="SpoolOptions.MinFreeMegabytes"/> new mail is refused with 452 4.3.1 (as Postfix's
/// <c>queue_minfree</c>) while what is stored keeps being relayed, which frees the space again; it
/// recovers by itself once the space is back, halfway up to the warning level: without that margin
/// the refused message's own partial file, deleted, would reopen the door for the next one and the
/// listener would flap between 250 and 452 at the threshold. Reading free space is one statvfs per directory,
/// cached for a fraction of a second so a busy listener does not pay it per command.
/// </summary>
public sealed class FreeSpaceGuard : IStorageHealth
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(200);
    private readonly IReadOnlyList<string> _directories;
    private readonly long _minFree, _warnFree, _resumeFree;
    private readonly ILogger<FreeSpaceGuard> _logger;
    private readonly Lock _lock = new();
    private StorageHealth? _last;
    private long _checkedAt;

    /// <param name="directories">The spool directory and the data directory (the same file system is counted once).</param>
    /// <param name="maxMessageBytes">Without a configured minimum, refusal starts below 1.5 messages of the largest size (Postfix's rule).</param>
    public FreeSpaceGuard(IEnumerable<string> directories, SpoolOptions options, long maxMessageBytes, ILogger<FreeSpaceGuard> logger)
    {
        _directories = directories.Select(Path.GetFullPath).Distinct().ToList();
        _minFree = options.MinFreeMegabytes is { } min ? min * Megabyte : maxMessageBytes * 3 / 2;
        _warnFree = options.WarnFreeMegabytes is { } warn ? warn * Megabyte : _minFree + 1024 * Megabyte;
        if (_warnFree < _minFree)
            throw new ArgumentException($"Spool:WarnFreeMegabytes ({_warnFree / Megabyte}) must not be below Spool:MinFreeMegabytes ({_minFree / Megabyte}).");
        _resumeFree = _minFree + (_warnFree - _minFree) / 2;
        _logger = logger;
    }

    private const long Megabyte = 1024 * 1024;

    public long MinFreeBytes => _minFree;

    /// <summary>The current state (cached for 200 ms); logs and counts every change of state.</summary>
    public StorageHealth Check() => Check(fresh: false);

    /// <param name="fresh">Ignore the cache (after a write failed, to tell "disk full" from other faults).</param>
    public StorageHealth Check(bool fresh)
    {
        lock (_lock)
        {
            var now = Environment.TickCount64;
            if (!fresh && _last is not null && now - _checkedAt < CacheFor.TotalMilliseconds) return _last;
            var (free, where) = Measure();
            var refusing = free < (_last?.State == StorageState.Refusing ? _resumeFree : _minFree);
            var state = refusing ? StorageState.Refusing : free < _warnFree ? StorageState.Low : StorageState.Ok;
            var health = new StorageHealth(state, free, Sentence(state, free, where));
            MailMetrics.DiskFreeBytes.Set(free);
            MailMetrics.DiskState.Set((int)state);
            if (_last is null ? state != StorageState.Ok : _last.State != state) Log(health);
            _last = health;
            _checkedAt = now;
            return health;
        }
    }

    /// <summary>Whether a message of <paramref name="size"/> bytes (declared with SIZE=) still fits above the minimum.</summary>
    public bool Fits(long size) => Check().FreeBytes - size >= _minFree;

    private (long Free, string Where) Measure()
    {
        var least = long.MaxValue;
        var where = "";
        foreach (var directory in _directories)
        {
            long free;
            try
            {
                free = new DriveInfo(directory).AvailableFreeSpace;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                _logger.LogWarning("Cannot read the free space of {Directory}: {Error}", directory, e.Message);
                continue;
            }
            if (free < least) (least, where) = (free, directory);
        }
        return least == long.MaxValue ? (long.MaxValue, "") : (least, where);
    }

    private string Sentence(StorageState state, long free, string where) => state switch
    {
        StorageState.Refusing => $"refusing new mail: {Mb(free)} free in {where}, below Spool:MinFreeMegabytes ({Mb(_minFree)}; accepted again from {Mb(_resumeFree)}); stored mail is still relayed",
        StorageState.Low => $"disk space low: {Mb(free)} free in {where}, new mail is refused below {Mb(_minFree)} (warning below {Mb(_warnFree)})",
        _ => $"{Mb(free)} free",
    };

    private void Log(StorageHealth health)
    {
        switch (health.State)
        {
            case StorageState.Refusing: _logger.LogError("Disk nearly full, {Sentence}", health.Sentence); break;
            case StorageState.Low: _logger.LogWarning("Disk space low: {Sentence}", health.Sentence); break;
            default: _logger.LogInformation("Disk space recovered: {Sentence}; mail is accepted again", health.Sentence); break;
        }
    }

    private static string Mb(long bytes) => bytes == long.MaxValue ? "unknown" : $"{bytes / (double)Megabyte:0.#} MB";
}
