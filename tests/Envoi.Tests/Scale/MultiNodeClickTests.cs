using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Xunit.Abstractions;

namespace Envoi.Tests.Scale;

/// <summary>
/// Tracked links across nodes on one PostgreSQL database: a link mailed through one node is
/// redirected and counted by every node (the signing keys live in the database), each node writes
/// its clicks in batches, and the statistics — read through any node — are the sum.
/// </summary>
public sealed partial class MultiNodeClickTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ENVOI_Http__PublicBaseUrl"] = "https://envoi.example.com",
        ["ENVOI_Tracking__Bots__SecondsAfterDelivery"] = "0",
    };

    [Fact]
    public async Task Clicks_spread_over_three_nodes_are_all_counted_and_the_statistics_of_any_node_equal_their_sum()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var database = await PostgresServer.CreateDatabaseAsync();
        var token = await MultiNodeTests.AdminTokenAsync(database);
        var nodes = new List<EnvoiNode>();
        try
        {
            nodes.AddRange(Enumerable.Range(0, 3).Select(i => EnvoiNode.Start(((char)('a' + i)).ToString(), database, upstream.Url, 0, TimeSpan.FromMinutes(5), Settings)));
            await Task.WhenAll(nodes.Select(n => n.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
            foreach (var node in nodes) node.Authorize(token);
            var (a, b) = (nodes[0], nodes[1]);

            // Configured through node A: the directory, a signature with a link, the rule.
            await Ok(a.Http.PostAsync("/api/directory/import", new StringContent("email,displayName,department\nalice@example.com,Alice Martin,Sales\n", Encoding.UTF8, "text/csv")));
            await Ok(a.Http.PutAsJsonAsync("/api/signatures/corporate", new
            {
                html = "<p>{{ displayName }}</p><p><a href=\"https://www.example.com/about\">About us</a></p>",
                text = "{{ displayName }} {{ vcard_url }}",
                images = "hosted",
            }));
            await Ok(a.Http.PutAsync("/api/signatures/rules", new StringContent("""
                [ { "name": "everyone", "when": {}, "then": { "signature": "corporate" } } ]
                """, Encoding.UTF8, "application/json")));

            // Accepted and signed by whichever node claims it; accepted through node B.
            using (var client = new SmtpClient())
            {
                await client.ConnectAsync("127.0.0.1", b.SmtpPort, SecureSocketOptions.None);
                await client.SendAsync(Message());
            }
            var relayed = await upstream.WaitForAsync(m => m.Recipients.Contains("carl@client.test"), TimeSpan.FromSeconds(30));
            var parsed = relayed.Parse();
            var link = Assert.Single(TrackedLink().Matches(parsed.HtmlBody!)).Groups[1].Value;
            var vcard = VCardLink().Match(parsed.TextBody!).Groups[1].Value;
            Assert.NotEmpty(vcard);

            // Every node knows both keys: the tracked link redirects and the vCard link (link-signing key) is accepted.
            const int perNode = 150;
            var handlers = nodes.Select(_ => new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 32 }).ToList();
            var sent = new int[nodes.Count];
            await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
            {
                using var http = new HttpClient(handlers[n], disposeHandler: false) { BaseAddress = node.Http.BaseAddress };
                using (var card = await http.GetAsync(vcard)) Assert.True(card.IsSuccessStatusCode, $"vCard link refused by node {node.Name}: {card.StatusCode}");
                await Parallel.ForAsync(0, perNode, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, link);
                    request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Mozilla", "5.0"));
                    request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Firefox", "133.0"));
                    using var response = await http.SendAsync(request, ct);
                    Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                    Assert.Equal("https://www.example.com/about", response.Headers.Location!.OriginalString);
                    Interlocked.Increment(ref sent[n]);
                });
            })));
            foreach (var handler in handlers) handler.Dispose();

            // Graceful stop: each node writes what it still holds, then exits.
            await Task.WhenAll(nodes.Select(n => n.StopAsync(TimeSpan.FromSeconds(60))));
            var recorded = new double[nodes.Count];
            for (var i = 0; i < nodes.Count; i++)
            {
                Assert.True(nodes[i].ExitCode == 0, $"node {nodes[i].Name} exited with {nodes[i].ExitCode}:\n{nodes[i].Log}");
                Assert.DoesNotContain("fail:", nodes[i].Log);
                recorded[i] = ClicksRecorded(nodes[i].Log);
            }

            // A new node on the same database reads the statistics, as would any node.
            var reader = EnvoiNode.Start("d", database, upstream.Url, 0, TimeSpan.FromMinutes(5), Settings);
            nodes.Add(reader);
            await reader.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            reader.Authorize(token);
            var stats = await reader.Http.GetFromJsonAsync<JsonElement>("/api/stats?period=today&by=signature");
            var row = Assert.Single(stats.GetProperty("rows").EnumerateArray());
            var human = row.GetProperty("humanClicks").GetInt64();
            var automated = row.GetProperty("automatedClicks").GetInt64();
            output.WriteLine($"clicks sent per node: {string.Join(", ", sent)} (total {sent.Sum()}); " +
                             $"recorded per node at shutdown: {string.Join(", ", recorded)}; statistics: {human} human, {automated} automated, " +
                             $"{row.GetProperty("messagesSigned").GetInt64()} message(s) signed");
            Assert.Equal(sent.Sum(), human);
            Assert.Equal(0, automated);
            Assert.Equal(1, row.GetProperty("messagesSigned").GetInt64());
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        message.To.Add(MailboxAddress.Parse("carl@client.test"));
        message.Subject = "Offer";
        message.Body = new BodyBuilder
        {
            TextBody = "See the document.\r\n",
            HtmlBody = "<html><body><p>See the document.</p></body></html>",
        }.ToMessageBody();
        return message;
    }

    /// <summary>The clicks a node committed, from the line it logs when it stops (see the shutdown log of <c>TrackingRecorder</c>).</summary>
    private static double ClicksRecorded(string log) =>
        ShutdownCount().Matches(log).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).LastOrDefault();

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("href=\"https://envoi\\.example\\.com(/c/[A-Za-z0-9_-]+)\"")]
    private static partial Regex TrackedLink();

    [GeneratedRegex("https://envoi\\.example\\.com(/vcard/[^\\s]+\\.vcf)")]
    private static partial Regex VCardLink();

    [GeneratedRegex(@"(\d+) click\(s\) recorded by this node")]
    private static partial Regex ShutdownCount();
}
