using Envoi.Core.Queue;
using Envoi.Data;
using Envoi.Data.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Queue;

/// <summary>Claims on PostgreSQL from several schedulers at once: every due message is claimed exactly once.</summary>
public sealed class PostgresClaimTests
{
    [Fact]
    public async Task Concurrent_claimers_never_take_the_same_message()
    {
        var url = await PostgresServer.CreateDatabaseAsync();
        var factory = new EnvoiDbFactory(DatabaseTarget.Resolve(url, Path.GetTempPath()));
        await factory.MigrateAsync();
        var store = new QueueStore(factory);
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 300).Select(i => new NewMessage(QueueId.New(now.AddMilliseconds(i)),
            new Envelope("alice@example.com", [$"r{i}@example.net"], null, "127.0.0.1"), now, now.AddSeconds(-1), now.AddDays(5), false, 100, $"m{i}", MessageOrigin.Smtp)).ToList();
        await store.InsertAsync(batch, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(node => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var claimed = await store.ClaimDueAsync(DateTimeOffset.UtcNow, 7, $"node-{node}", TimeSpan.FromMinutes(5), [], default);
                if (claimed.Count == 0) return mine;
                mine.AddRange(claimed.Select(c => c.Id));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        Assert.True(claims.Count(c => c.Count > 0) >= 2, "the work was spread over several claimers");
    }
}
