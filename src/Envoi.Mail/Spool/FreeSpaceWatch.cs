using Microsoft.Extensions.Hosting;

namespace Envoi.Mail.Spool;

/// <summary>Checks free space every <see cref="SpoolOptions.FreeSpaceCheckInterval"/>, so the warning, the metric and the recovery show even while no mail arrives.</summary>
public sealed class FreeSpaceWatch(FreeSpaceGuard guard, SpoolOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            guard.Check();
            await Task.Delay(options.FreeSpaceCheckInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
