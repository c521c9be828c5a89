using System.Diagnostics;
using Envoi.Data;
using Envoi.Data.Tracking;
using Envoi.Data.Tracking.Rollups;
using Microsoft.Data.Sqlite;

/// <summary>
/// How much to seed. Each message is signed by one employee (signature by department, a campaign
/// banner in every other message) and carries 2–3 tracked links: the employee's own profile link,
/// one of 10 company pages and, with a banner, the campaign's landing page. With
/// <see cref="UniqueTargets"/> every message has one link to a URL of its own instead, so the link
/// view has one row per message (the export benchmark's million rows).
/// </summary>
internal sealed record SeedPlan(int Clicks, int Messages, int Days, int Employees, int Campaigns, bool UniqueTargets);

/// <summary>
/// Fills an empty database through the real schema with raw SQL in large transactions: employees,
/// campaigns, link targets, tracked links, signed messages, the clicks, and the per-day counters
/// (<c>click_counts</c>) exactly as <see cref="TrackingStore.AddClicksAsync"/> would have summed them,
/// then the statistics rollups from those rows (<see cref="RollupBackfill"/>).
/// Deterministic (fixed random seed), days ending today (UTC).
/// </summary>
internal static class Seeder
{
    private static readonly string[] Signatures = ["standard", "sales", "support", "executive", "reply"];
    private const int SharedPages = 10;

    public static async Task RunAsync(EnvoiDbFactory factory, SeedPlan plan)
    {
        var total = Stopwatch.StartNew();
        var random = new Random(42);
        await using var connection = new SqliteConnection(factory.Target.ConnectionString);
        await connection.OpenAsync();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;");
        if (Scalar(connection, "SELECT COUNT(*) FROM clicks") > 0) throw new InvalidOperationException("the database already has clicks: seed an empty data directory");

        var now = DateTimeOffset.UtcNow;
        var firstDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(plan.Days - 1));
        var nowMs = now.ToUnixTimeMilliseconds();
        var firstMs = firstDay.ToUnixTimeMilliseconds();

        // Employees (the employee view's labels) and campaigns (the campaign view's).
        Bulk(connection, plan.Employees, """INSERT INTO employees ("Id","Email","Active","Source","ValuesJson","SearchText","CreatedAt","UpdatedAt") VALUES ($1,$2,1,'import','{}',$2,0,0)""",
            (i, p) => { p[0].Value = i + 1; p[1].Value = $"employee{i + 1}@example.com"; });
        Bulk(connection, plan.Campaigns, """INSERT INTO campaigns ("Id","Name","Paused","StartsAt","EndsAt","Json","UpdatedAt") VALUES ($1,$2,1,0,0,'{}',0)""",
            (i, p) => { p[0].Value = i + 1; p[1].Value = $"campaign-{i + 1}"; });

        // Targets: employee profiles 1..E, shared pages E+1..E+10, campaign pages after; or one per message.
        var targets = plan.UniqueTargets ? plan.Messages : plan.Employees + SharedPages + plan.Campaigns;
        Bulk(connection, targets, """INSERT INTO link_targets ("Id","Url") VALUES ($1,$2)""", (i, p) =>
        {
            p[0].Value = i + 1;
            p[1].Value = plan.UniqueTargets ? $"https://www.example.com/products/item-{i + 1}?ref=signature"
                : i < plan.Employees ? $"https://www.linkedin.com/in/employee-{i + 1}"
                : i < plan.Employees + SharedPages ? $"https://www.example.com/page-{i - plan.Employees + 1}"
                : $"https://www.example.com/campaigns/{i - plan.Employees - SharedPages + 1}";
        });
        Report("employees, campaigns, targets", total);

        // Messages, in memory as columns (a million messages is a few tens of MB).
        var m = plan.Messages;
        var employee = new int[m];
        var campaign = new int[m];
        var sentAt = new long[m];
        var firstLink = new int[m + 1];
        var linkTargets = new List<int>(m * 3);
        for (var i = 0; i < m; i++)
        {
            employee[i] = 1 + random.Next(plan.Employees);
            campaign[i] = plan.Campaigns > 0 && i % 2 == 0 ? 1 + random.Next(plan.Campaigns) : 0;
            sentAt[i] = firstMs + (long)(random.NextDouble() * (nowMs - firstMs - 60_000));
            firstLink[i] = linkTargets.Count;
            if (plan.UniqueTargets) linkTargets.Add(i + 1);
            else
            {
                linkTargets.Add(employee[i]);
                linkTargets.Add(plan.Employees + 1 + random.Next(SharedPages));
                if (campaign[i] != 0) linkTargets.Add(plan.Employees + SharedPages + campaign[i]);
            }
        }
        firstLink[m] = linkTargets.Count;
        string Signature(int i) => Signatures[employee[i] % Signatures.Length];
        string MessageId(int i) => $"SEED{i:X8}";

        Bulk(connection, m, """INSERT INTO signed_messages ("MessageId","EmployeeId","Signature","CampaignId","Day") VALUES ($1,$2,$3,$4,$5)""", (i, p) =>
        {
            p[0].Value = MessageId(i); p[1].Value = employee[i]; p[2].Value = Signature(i); p[3].Value = campaign[i];
            p[4].Value = TrackingStore.DayOf(DateTimeOffset.FromUnixTimeMilliseconds(sentAt[i]));
        });
        Report($"{m:N0} signed messages", total);

        // Tracked links: ids 1..L in message order, so message i's links are firstLink[i]+1 ...
        var messageOfLink = new int[linkTargets.Count];
        for (var i = 0; i < m; i++)
            for (var l = firstLink[i]; l < firstLink[i + 1]; l++) messageOfLink[l] = i;
        Bulk(connection, linkTargets.Count, """INSERT INTO tracked_links ("Id","MessageId","EmployeeId","Signature","CampaignId","Kind","TargetId","CreatedAt") VALUES ($1,$2,$3,$4,$5,0,$6,$7)""", (l, p) =>
        {
            var i = messageOfLink[l];
            p[0].Value = l + 1; p[1].Value = MessageId(i); p[2].Value = employee[i]; p[3].Value = Signature(i); p[4].Value = campaign[i];
            p[5].Value = linkTargets[l]; p[6].Value = sentAt[i];
        });
        Report($"{linkTargets.Count:N0} tracked links", total);

        // Clicks: a random link of a random message (with unique targets: every message once, then
        // random), from minutes to two days after sending; a quarter of them automated.
        var counts = new Dictionary<(int Day, int Employee, int Signature, int Campaign, int Target), long[]>();
        var reasons = new[] { "HEAD request", "scanner user agent (Safe Links)", "clicked 2 s after delivery" };
        Bulk(connection, plan.Clicks, """INSERT INTO clicks ("LinkId","At","Day","Kind","AutomatedReason") VALUES ($1,$2,$3,0,$4)""", (c, p) =>
        {
            var i = plan.UniqueTargets && c < m ? c : random.Next(m);
            var l = firstLink[i] + random.Next(firstLink[i + 1] - firstLink[i]);
            var automated = random.Next(4) == 0;
            var at = Math.Min(nowMs, sentAt[i] + (automated ? random.Next(1000, 9000) : random.Next(60_000, 2 * 86_400_000)));
            var day = TrackingStore.DayOf(DateTimeOffset.FromUnixTimeMilliseconds(at));
            p[0].Value = l + 1; p[1].Value = at; p[2].Value = day; p[3].Value = automated ? reasons[random.Next(reasons.Length)] : DBNull.Value;
            var key = (day, employee[i], employee[i] % Signatures.Length, campaign[i], linkTargets[l]);
            if (!counts.TryGetValue(key, out var count)) counts[key] = count = new long[2];
            count[automated ? 1 : 0]++;
        });
        Report($"{plan.Clicks:N0} clicks", total);

        var keys = counts.ToList();
        Bulk(connection, keys.Count, """INSERT INTO click_counts ("Day","EmployeeId","Signature","CampaignId","TargetId","Human","Automated","Images") VALUES ($1,$2,$3,$4,$5,$6,$7,0)""", (k, p) =>
        {
            var (key, count) = keys[k];
            p[0].Value = key.Day; p[1].Value = key.Employee; p[2].Value = Signatures[key.Signature]; p[3].Value = key.Campaign; p[4].Value = key.Target;
            p[5].Value = count[0]; p[6].Value = count[1];
        });
        Report($"{keys.Count:N0} click_counts rows", total);
        // The rollups the statistics read, from the rows above, by the SQL the StatsRollups migration runs.
        foreach (var sql in RollupBackfill.Statements(DatabaseProvider.Sqlite)) Exec(connection, sql);
        Report("statistics rollups", total);
        Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Report("analyze", total);
    }

    private static void Bulk(SqliteConnection connection, int count, string sql, Action<int, SqliteParameter[]> fill)
    {
        const int PerTransaction = 250_000;
        for (var start = 0; start < count; start += PerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameters = Enumerable.Range(1, sql.Count(ch => ch == '$') == 0 ? 0 : MaxParameter(sql)).Select(n => command.Parameters.Add(new SqliteParameter($"${n}", null))).ToArray();
            command.Prepare();
            for (var i = start; i < Math.Min(count, start + PerTransaction); i++)
            {
                fill(i, parameters);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static int MaxParameter(string sql)
    {
        var max = 0;
        for (var n = 1; n < 20; n++) if (sql.Contains($"${n}", StringComparison.Ordinal)) max = n;
        return max;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Report(string what, Stopwatch total) => Console.WriteLine($"seeded {what} ({total.Elapsed.TotalSeconds:0.0} s)");
}
