using System.Diagnostics;
using Envoi.Core.Tracking;
using Envoi.Data;
using Envoi.Data.Tracking;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// Link rows of N messages released at once (3 links each, as a signature with a banner has): one
/// transaction per message through <see cref="LinkStore"/> (what the link stage did before), against
/// the group commit of <see cref="LinkRows"/>. Runs alternate, so load on the machine hits both.
/// </summary>
internal static class LinkRowsBench
{
    public static async Task RunAsync(EnvoiDbFactory factory, int messages, int repeats)
    {
        var store = new LinkStore(factory);
        await using var rows = new LinkRows(store, TimeProvider.System, NullLogger.Instance);
        var run = 0;
        Task<IReadOnlyList<long>> PerMessage(IReadOnlyList<NewLink> links) => store.EnsureAsync(links, DateTimeOffset.UtcNow, CancellationToken.None);
        Task<IReadOnlyList<long>> Grouped(IReadOnlyList<NewLink> links) => rows.EnsureAsync(links, CancellationToken.None);

        Console.WriteLine($"{"way",-12} {"run",4} {"messages",9} {"seconds",8} {"msg/s",9}  ({messages} concurrent messages x 3 links, {factory.Target.Provider})");
        var results = new Dictionary<string, List<double>> { ["per-message"] = [], ["grouped"] = [] };
        for (var i = 0; i <= repeats; i++)
            foreach (var (name, ensure) in new (string, Func<IReadOnlyList<NewLink>, Task<IReadOnlyList<long>>>)[] { ("per-message", PerMessage), ("grouped", Grouped) })
            {
                var batch = Enumerable.Range(0, messages).Select(m => Links($"B{run}M{m}")).ToList();
                run++;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(batch.Select(links => Task.Run(() => ensure(links))));
                var rate = messages / watch.Elapsed.TotalSeconds;
                if (i == 0) continue; // warm-up
                results[name].Add(rate);
                Console.WriteLine(FormattableString.Invariant($"{name,-12} {i,4} {messages,9} {watch.Elapsed.TotalSeconds,8:0.000} {rate,9:0}"));
            }
        var median = results.ToDictionary(r => r.Key, r => r.Value.Order().ElementAt(r.Value.Count / 2));
        Console.WriteLine(FormattableString.Invariant($"median msg/s: per-message {median["per-message"]:0}, grouped {median["grouped"]:0}; grouped/per-message ratio: {median["grouped"] / median["per-message"]:0.0}"));
    }

    private static List<NewLink> Links(string message) =>
    [
        new(message, 1, "standard", 0, LinkKind.Click, "https://www.example.com/about"),
        new(message, 1, "standard", 3, LinkKind.Click, "https://shop.example.com/winter?utm_source=signature"),
        new(message, 1, "standard", 3, LinkKind.Image, "winter.png"),
    ];
}
