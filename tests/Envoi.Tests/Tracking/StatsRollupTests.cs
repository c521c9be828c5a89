using Envoi.Core.Tracking;
using Envoi.Core.Tracking.Statistics;
using Envoi.Data;
using Envoi.Data.Schema;
using Envoi.Data.Tracking;
using Envoi.Data.Tracking.Rollups;
using Envoi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Envoi.Tests.Tracking;

/// <summary>
/// The statistics rollups against a direct count of the raw tables (clicks with their links, signed
/// messages, tracked links) over random mail and clicks spread across month ends, for random periods
/// that start and end inside months, cover whole months or both: through the real stores (two nodes
/// writing at once) and through the backfill (the benchmark seeder's) of raw rows written without them.
/// </summary>
public class StatsRollupTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 20, 0, 0, 0, TimeSpan.Zero);
    private const int Days = 80; // to 9 April: the ends of January, February (28 days) and March
    private static readonly string[] Signatures = ["corporate", "short", "Équipe"];

    /// <summary>One message as it was mailed: who, which signature and campaign, when, its links.</summary>
    private sealed record Mail(string MessageId, int EmployeeId, string Signature, int CampaignId, DateTimeOffset At, string[] Urls);

    private static List<Mail> RandomMail(Random random, int count) => Enumerable.Range(0, count).Select(i => new Mail(
        $"M{i:D5}", 1 + random.Next(6), Signatures[random.Next(Signatures.Length)], random.Next(3) == 0 ? 0 : 1 + random.Next(3),
        Start.AddMinutes(random.Next(Days * 1440)),
        Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"https://example.com/page-{random.Next(8)}").Distinct().ToArray())).ToList();

    private static Click RandomClick(Random random, TrackedLink link)
    {
        var at = link.CreatedAt.AddMinutes(random.Next(4 * 1440));
        return Click.Of(link, at, link.Kind == LinkKind.Click && random.Next(4) == 0 ? "HEAD request" : null);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rollups_written_with_the_raw_rows_equal_a_direct_count(string provider)
    {
        var data = TempDirectory.Create("envoi-rollups");
        try
        {
            var database = provider == "postgres" ? await PostgresServer.CreateDatabaseAsync() : null;
            // Two nodes on one database: each writes its own share of the batches, at the same time.
            var nodes = new[] { new EnvoiDbFactory(DatabaseTarget.Resolve(database, data)), new EnvoiDbFactory(DatabaseTarget.Resolve(database, data)) };
            await nodes[0].MigrateAsync();
            var random = new Random(provider.Length);
            var mail = RandomMail(random, 150);

            var links = new List<TrackedLink>();
            var linkStore = new LinkStore(nodes[0]);
            foreach (var m in mail)
            {
                var wanted = m.Urls.Select(u => new NewLink(m.MessageId, m.EmployeeId, m.Signature, m.CampaignId, LinkKind.Click, u))
                    .Append(new NewLink(m.MessageId, m.EmployeeId, m.Signature, m.CampaignId, LinkKind.Image, "banner.png")).ToList();
                var ids = await linkStore.EnsureAsync(wanted, m.At, default);
                // A retried delivery asks for the same links again: same rows, nothing counted twice.
                if (random.Next(5) == 0) Assert.Equal(ids, await new LinkStore(nodes[1]).EnsureAsync(wanted, m.At.AddMinutes(5), default));
                foreach (var id in ids) links.Add((await linkStore.FindAsync(id, default))!);
            }

            var signed = mail.Select(m => new SignedMessage(m.MessageId, m.EmployeeId, m.Signature, m.CampaignId, m.At)).ToList();
            signed.AddRange(signed.Where((_, i) => i % 7 == 0).ToList()); // retries, in the same batch and in later ones
            var clicks = Enumerable.Range(0, 1500).Select(_ => RandomClick(random, links[random.Next(links.Count)])).ToList();
            // Signed copies one batch after the other (a copy signed on two nodes at once makes one
            // batch fail on the unique index, and the batch writer retries it); clicks at once.
            for (var i = 0; i < signed.Count; i += 40) await new TrackingStore(nodes[i / 40 % 2]).AddSignedAsync(signed.Skip(i).Take(40).ToList(), default);
            await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
            {
                var store = new TrackingStore(node);
                for (var i = n * 150; i < clicks.Count; i += 300) await store.AddClicksAsync(clicks.Skip(i).Take(150).ToList(), default);
            })));

            await AssertRollupsEqualDirectCountAsync(nodes[0], random);
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_backfill_fills_the_rollups_from_rows_written_without_them(string provider)
    {
        var data = TempDirectory.Create("envoi-backfill");
        try
        {
            var database = provider == "postgres" ? await PostgresServer.CreateDatabaseAsync() : null;
            var factory = new EnvoiDbFactory(DatabaseTarget.Resolve(database, data));
            await factory.MigrateAsync();
            var random = new Random(provider.Length + 1);
            var mail = RandomMail(random, 120);

            // The raw tables and click_counts as the version before the rollups wrote them (and the benchmark seeder does).
            await using (var db = factory.Create())
            {
                var targets = mail.SelectMany(m => m.Urls).Append("banner.png").Distinct().ToDictionary(u => u, u => new LinkTargetRow { Url = u });
                db.LinkTargets.AddRange(targets.Values);
                await db.SaveChangesAsync();
                var rows = mail.SelectMany(m => m.Urls.Select(u => (m, Url: u, Kind: LinkKind.Click)).Append((m, Url: "banner.png", Kind: LinkKind.Image))).Select(x => new TrackedLinkRow
                {
                    MessageId = x.m.MessageId, EmployeeId = x.m.EmployeeId, Signature = x.m.Signature, CampaignId = x.m.CampaignId,
                    Kind = (int)x.Kind, TargetId = targets[x.Url].Id, CreatedAt = x.m.At.ToUnixTimeMilliseconds(),
                }).ToList();
                db.TrackedLinks.AddRange(rows);
                db.SignedMessages.AddRange(mail.Select(m => new SignedMessageRow { MessageId = m.MessageId, EmployeeId = m.EmployeeId, Signature = m.Signature, CampaignId = m.CampaignId, Day = TrackingStore.DayOf(m.At) }));
                await db.SaveChangesAsync();
                var links = rows.Select(r => new TrackedLink(r.Id, r.MessageId, r.EmployeeId, r.Signature, r.CampaignId, (LinkKind)r.Kind, "", r.TargetId, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt))).ToList();
                var clicks = Enumerable.Range(0, 1000).Select(_ => RandomClick(random, links[random.Next(links.Count)])).ToList();
                db.Clicks.AddRange(clicks.Select(c => new ClickRow { LinkId = c.LinkId, At = c.At.ToUnixTimeMilliseconds(), Day = TrackingStore.DayOf(c.At), Kind = (int)c.Kind, AutomatedReason = c.AutomatedReason }));
                db.ClickCounts.AddRange(clicks.GroupBy(c => (Day: TrackingStore.DayOf(c.At), c.EmployeeId, c.Signature, c.CampaignId, c.TargetId)).Select(g => new ClickCountRow
                {
                    Day = g.Key.Day, EmployeeId = g.Key.EmployeeId, Signature = g.Key.Signature, CampaignId = g.Key.CampaignId, TargetId = g.Key.TargetId,
                    Human = g.LongCount(c => c.Kind == LinkKind.Click && c.AutomatedReason is null),
                    Automated = g.LongCount(c => c.Kind == LinkKind.Click && c.AutomatedReason is not null),
                    Images = g.LongCount(c => c.Kind == LinkKind.Image),
                }));
                await db.SaveChangesAsync();
            }

            await using (var db = factory.Create())
                foreach (var sql in RollupBackfill.Statements(factory.Target.Provider))
                    await db.Database.ExecuteSqlRawAsync(sql);
            await AssertRollupsEqualDirectCountAsync(factory, random);

            // Written after the migration, the rollups keep agreeing with the raw rows.
            await using (var db = factory.Create())
            {
                var some = await db.TrackedLinks.AsNoTracking().OrderBy(l => l.Id).Take(40).ToListAsync();
                var more = some.Select(r => RandomClick(random, new TrackedLink(r.Id, r.MessageId, r.EmployeeId, r.Signature, r.CampaignId, (LinkKind)r.Kind, "", r.TargetId, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)))).ToList();
                await new TrackingStore(factory).AddClicksAsync(more, default);
            }
            await AssertRollupsEqualDirectCountAsync(factory, random);
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    /// <summary>Every view, for fixed and random periods, equals what the raw rows say.</summary>
    private static async Task AssertRollupsEqualDirectCountAsync(EnvoiDbFactory factory, Random random)
    {
        List<ClickRow> clicks;
        Dictionary<long, TrackedLinkRow> links;
        List<SignedMessageRow> signed;
        await using (var db = factory.Create())
        {
            clicks = await db.Clicks.AsNoTracking().ToListAsync();
            links = await db.TrackedLinks.AsNoTracking().ToDictionaryAsync(l => l.Id);
            signed = await db.SignedMessages.AsNoTracking().ToListAsync();
        }
        Assert.NotEmpty(clicks);
        var stats = new StatisticsService(new StatisticsStore(factory), TimeProvider.System);
        var first = DateOnly.FromDateTime(Start.UtcDateTime);
        var periods = new List<StatsPeriod>
        {
            new(first.AddDays(-3), first.AddDays(Days + 6)),         // everything
            new(new(2026, 2, 1), new(2026, 2, 28)),                  // exactly one month
            new(new(2026, 2, 1), new(2026, 3, 31)),                  // two whole months, nothing else
            new(new(2026, 1, 31), new(2026, 3, 1)),                  // a day either side of a whole month
            new(new(2026, 2, 10), new(2026, 2, 20)),                 // inside one month
            new(new(2026, 1, 25), new(2026, 2, 5)),                  // across one month end, no whole month
            new(new(2026, 3, 1), new(2026, 3, 1)),                   // a single first day
            new(new(2026, 1, 20), new(2026, 3, 25)),                 // days, dekads, a month, dekads, days
        };
        for (var i = 0; i < 12; i++)
        {
            var from = first.AddDays(random.Next(Days));
            periods.Add(new(from, from.AddDays(random.Next(Days))));
        }
        foreach (var period in periods)
            foreach (var by in Enum.GetValues<StatsDimension>())
            {
                var expected = DirectCount(by, period, clicks, links, signed);
                var report = await stats.ReportAsync(by, period, null, default);
                var actual = report.Rows.Where(r => by != StatsDimension.Day || r.MessagesSigned + r.HumanClicks + r.AutomatedClicks + r.ImageLoads > 0)
                    .ToDictionary(r => r.Key, r => (r.MessagesSigned, r.HumanClicks, r.AutomatedClicks, r.ImageLoads));
                Assert.True(expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var a) && a == e.Value),
                    $"{by} {period.From}..{period.To}: expected {Show(expected)}, got {Show(actual)}");
                if (by != StatsDimension.Day)
                    Assert.Equal(report.Rows.OrderByDescending(r => r.HumanClicks).ThenByDescending(r => r.MessagesSigned).Select(r => (r.HumanClicks, r.MessagesSigned)),
                        report.Rows.Select(r => (r.HumanClicks, r.MessagesSigned)));
            }
    }

    private static Dictionary<string, (long, long, long, long)> DirectCount(StatsDimension by, StatsPeriod period, List<ClickRow> clicks, Dictionary<long, TrackedLinkRow> links, List<SignedMessageRow> signed)
    {
        bool In(int day) => day >= period.FromDay && day <= period.ToDay;
        string? KeyOf(int day, int employee, string signature, int campaign, long target) => by switch
        {
            StatsDimension.Day => StatsPeriod.Date(day).ToString("yyyy-MM-dd"),
            StatsDimension.Employee => employee.ToString(),
            StatsDimension.Signature => signature,
            StatsDimension.Campaign => campaign == 0 ? null : campaign.ToString(),
            _ => target.ToString(),
        };
        var counts = new Dictionary<string, long[]>();
        void Add(string? key, int slot)
        {
            if (key is null) return;
            if (!counts.TryGetValue(key, out var c)) counts[key] = c = new long[4];
            c[slot]++;
        }
        foreach (var click in clicks.Where(c => In(c.Day)))
        {
            Assert.Equal(TrackingStore.DayOf(DateTimeOffset.FromUnixTimeMilliseconds(click.At)), click.Day);
            var link = links[click.LinkId];
            Add(KeyOf(click.Day, link.EmployeeId, link.Signature, link.CampaignId, link.TargetId),
                click.Kind == (int)LinkKind.Image ? 3 : click.AutomatedReason is null ? 1 : 2);
        }
        if (by == StatsDimension.Link)
        {
            // For a link, "messages" is how many messages it was mailed in (click links created in the period).
            foreach (var link in links.Values.Where(l => l.Kind == (int)LinkKind.Click && In(TrackingStore.DayOf(DateTimeOffset.FromUnixTimeMilliseconds(l.CreatedAt)))))
                Add(link.TargetId.ToString(), 0);
        }
        else
            foreach (var s in signed.Where(s => In(s.Day)))
                Add(KeyOf(s.Day, s.EmployeeId, s.Signature, s.CampaignId, 0), 0);
        return counts.ToDictionary(c => c.Key, c => (c.Value[0], c.Value[1], c.Value[2], c.Value[3]));
    }

    private static string Show(IEnumerable<KeyValuePair<string, (long, long, long, long)>> rows) =>
        string.Join("; ", rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));
}
