using System.Diagnostics;
using System.Globalization;
using Envoi.Core.Tracking;
using Envoi.Data;
using Envoi.Data.Tracking;

/// <summary>
/// The click writer alone: batches of clicks spread like real traffic (2,000 employees, 5 signatures,
/// a campaign in every other message, 2,030 targets, the last 3 days) written through the real
/// <see cref="TrackingStore.AddClicksAsync"/> into a migrated database, as the redirect's batch writer
/// does. Prints the process CPU time and wall time per click after a warm-up. It uses only what every
/// version of the store has, so the same file measures an older build too.
/// </summary>
internal static class WriterBench
{
    public static async Task RunAsync(EnvoiDbFactory factory, int clicks, int batch)
    {
        var store = new TrackingStore(factory);
        var random = new Random(7);
        var signatures = new[] { "standard", "sales", "support", "executive", "reply" };
        var now = DateTimeOffset.UtcNow;
        List<Click> Batch()
        {
            var list = new List<Click>(batch);
            for (var i = 0; i < batch; i++)
            {
                var employee = 1 + random.Next(2000);
                var campaign = random.Next(2) == 0 ? 1 + random.Next(20) : 0;
                var target = random.Next(3) switch { 0 => employee, 1 => 2001 + random.Next(10), _ => campaign == 0 ? employee : 2010 + campaign };
                var automated = random.Next(4) == 0 ? "HEAD request" : null;
                list.Add(new Click(1 + random.Next(2_500_000), target, "BENCH", employee, signatures[employee % signatures.Length], campaign,
                    random.Next(10) == 0 ? LinkKind.Image : LinkKind.Click, now.AddSeconds(-random.Next(3 * 86_400)), automated));
            }
            return list;
        }

        for (var i = 0; i < 5; i++) await store.AddClicksAsync(Batch(), CancellationToken.None); // warm-up: JIT, pools
        var batches = Enumerable.Range(0, Math.Max(1, clicks / batch)).Select(_ => Batch()).ToList();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        foreach (var b in batches) await store.AddClicksAsync(b, CancellationToken.None);
        wall.Stop();
        process.Refresh();
        var written = batches.Count * batch;
        var cpuUs = (process.TotalProcessorTime - cpu).TotalMicroseconds / written;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{written} clicks in batches of {batch}: CPU {cpuUs:0.0} µs/click ({cpuUs:0} ms per 1000), wall {wall.Elapsed.TotalMicroseconds / written:0.0} µs/click, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }
}
