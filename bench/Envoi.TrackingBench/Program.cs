using System.Diagnostics;
using System.Globalization;
using Envoi.Core.Tracking;
using Envoi.Core.Tracking.Statistics;
using Envoi.Data;
using Envoi.Data.Tracking;
using Microsoft.Data.Sqlite;

// Helpers of the tracking benchmarks (bench/tracking/*.sh): a real tracked link for the redirect
// benchmark, the click count it checks, a seeded statistics database, the timing of the views and
// the cost of the click writer.
// Everything goes through the real schema (migrated by EnvoiDbFactory) and, for reads, the real
// StatisticsService and StatisticsStore.
var (command, options) = (args.FirstOrDefault() ?? "", Options.Parse(args.Skip(1)));
var data = options.Get("data", "bench-data");
var factory = new EnvoiDbFactory(DatabaseTarget.Resolve(options.Get("database", ""), data));
switch (command)
{
    case "link":
        await factory.MigrateAsync();
        Console.WriteLine(await Commands.LinkAsync(factory, data, options.Get("url", "https://www.example.com/landing")));
        return 0;
    case "count":
        Console.WriteLine(await Commands.CountClicksAsync(factory));
        return 0;
    case "seed":
        await factory.MigrateAsync();
        await Seeder.RunAsync(factory, new SeedPlan(
            Clicks: options.Int("clicks", 5_000_000), Messages: options.Int("messages", 1_000_000), Days: options.Int("days", 365),
            Employees: options.Int("employees", 2000), Campaigns: options.Int("campaigns", 20),
            UniqueTargets: options.Get("unique-targets", "false") == "true"));
        return 0;
    case "stats":
        // A database seeded by an older version is migrated first: timed.
        var migration = Stopwatch.StartNew();
        await factory.MigrateAsync();
        Console.WriteLine(FormattableString.Invariant($"schema up to date ({migration.Elapsed.TotalSeconds:0.0} s)"));
        await Commands.TimeStatsAsync(factory, options.Int("repeats", 20), options.Int("days", 365));
        return 0;
    case "link-rows":
        await factory.MigrateAsync();
        await LinkRowsBench.RunAsync(factory, options.Int("messages", 200), options.Int("repeats", 5));
        return 0;
    case "writer":
        await factory.MigrateAsync();
        await WriterBench.RunAsync(factory, options.Int("clicks", 200_000), options.Int("batch", 2000));
        return 0;
    default:
        Console.Error.WriteLine("usage: envoi-tracking-bench link|count|seed|stats|link-rows|writer --data DIR [--database CONN] [--url U] [--clicks N --messages N --days N --employees N --campaigns N --unique-targets true] [--repeats N] [--batch N]");
        return 2;
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
            else if (name is not null) { values[name] = arg; name = null; }
        }
        return new Options(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v.Replace("_", ""), CultureInfo.InvariantCulture) : fallback;
}

internal static class Commands
{
    /// <summary>Creates one tracked link through the real link store and prints its path, /c/TOKEN.</summary>
    public static async Task<string> LinkAsync(EnvoiDbFactory factory, string data, string url)
    {
        var ids = await new LinkStore(factory).EnsureAsync([new NewLink("BENCH0000001", 1, "standard", 0, LinkKind.Click, url)], DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        var token = new TrackingTokens(new TrackingKeyRing(data)).Write(new TrackingToken(ids[0], "BENCH0000001", 1, "standard", 0));
        return $"/c/{token}";
    }

    public static async Task<long> CountClicksAsync(EnvoiDbFactory factory)
    {
        await using var connection = new SqliteConnection(factory.Target.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM clicks";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Each view through StatisticsService, for the last 30 days and for all seeded days: p50, p95, max.</summary>
    public static async Task TimeStatsAsync(EnvoiDbFactory factory, int repeats, int days)
    {
        var service = new StatisticsService(new StatisticsStore(factory), TimeProvider.System);
        var today = service.Today;
        var periods = new (string Name, StatsPeriod Period)[] { ("30d", new(today.AddDays(-29), today)), ($"{days}d", new(today.AddDays(-(days - 1)), today)) };
        Console.WriteLine($"{"view",-10} {"period",-7} {"rows",8} {"p50_ms",8} {"p95_ms",8} {"max_ms",8}  (StatisticsService.ReportAsync, {repeats} runs after 1 warm-up)");
        foreach (var (name, period) in periods)
            foreach (var by in Enum.GetValues<StatsDimension>())
            {
                var report = await service.ReportAsync(by, period, null, CancellationToken.None);
                var times = new List<double>();
                for (var i = 0; i < repeats; i++)
                {
                    var watch = Stopwatch.StartNew();
                    report = await service.ReportAsync(by, period, null, CancellationToken.None);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine(FormattableString.Invariant($"{by.ToWire(),-10} {name,-7} {report.Rows.Count,8} {Quantile(times, 0.5),8:0.0} {Quantile(times, 0.95),8:0.0} {times[^1],8:0.0}"));
            }
    }

    /// <summary>Nearest-rank quantile.</summary>
    private static double Quantile(List<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
