using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Tracking;
using Envoi.Tests.Support;
using MimeKit;
using Xunit;

namespace Envoi.Tests.Campaigns;

/// <summary>The text/plain body: its signature's links tracked like the HTML ones, the banner as a line, the author's text and the quote untouched.</summary>
public partial class CampaignGatewayTests
{
    private const string TextSignature =
        "{{ displayName }}\n" +
        "https://www.example.com/about?x=1&y=2\n" +
        "Book a call: <https://cal.example.com/alice>, or write to mailto:alice@example.com.\n" +
        "Guide (https://docs.example.com/guide).\n";

    private async Task<(EnvoiTestHost Envoi, HttpClient Admin)> StartWithTextLinksAsync()
    {
        var (envoi, admin) = await StartAsync();
        await Ok(admin.PutAsJsonAsync("/api/signatures/corporate", new
        {
            html = "<p>{{ displayName }}</p><p><a href=\"https://www.example.com/about?x=1&amp;y=2\">About us</a></p>",
            text = TextSignature,
            images = "hosted",
        }));
        return (envoi, admin);
    }

    [Fact]
    public async Task A_text_only_reply_gets_tracked_links_and_the_banner_line_in_its_signature_but_not_in_the_author_text_or_the_quote()
    {
        var (envoi, admin) = await StartWithTextLinksAsync();
        await using var _ = envoi;
        await Ok(admin.PutAsJsonAsync("/api/campaigns/winter", Campaign()));
        var reply = EnvoiTestHost.Message("alice@example.com", "carl@client.test", "Re: Offer",
            "Please read https://author.example.net/doc.\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, Carl <carl@client.test> wrote:\r\n> See https://quoted.example.org/thread\r\n> Carl\r\n");

        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", reply), MessageStatus.Relayed);
        var text = Assert.Single(_upstream.For("carl@client.test")).Parse().TextBody!.ReplaceLineEndings("\n");

        Assert.StartsWith("Please read https://author.example.net/doc.\n", text);
        Assert.Contains("wrote:\n> See https://quoted.example.org/thread\n> Carl", text);
        Assert.Contains("write to mailto:alice@example.com.", text);
        foreach (var original in new[] { "https://www.example.com/about", "https://cal.example.com", "https://docs.example.com", "https://shop.example.com" })
            Assert.DoesNotContain(original, text);
        // The signature (banner line last) sits between the author's text and the quote; the punctuation around each link stays.
        var signature = Regex.Match(text,
            @"Alice Martin\n(?<about>https://envoi\.example\.com/c/[\w-]+)\n" +
            @"Book a call: <(?<call>https://envoi\.example\.com/c/[\w-]+)>, or write to mailto:alice@example\.com\.\n" +
            @"Guide \((?<guide>https://envoi\.example\.com/c/[\w-]+)\)\.\n" +
            @"Winter sale <(?<banner>https://envoi\.example\.com/c/[\w-]+)>\n");
        Assert.True(signature.Success, text);
        Assert.True(signature.Index > text.IndexOf("doc.", StringComparison.Ordinal) && signature.Index < text.IndexOf("On Mon", StringComparison.Ordinal), text);

        using var http = Browser(envoi);
        foreach (var (group, target) in new[]
        {
            ("about", "https://www.example.com/about?x=1&y=2"), ("call", "https://cal.example.com/alice"), ("guide", "https://docs.example.com/guide"),
            ("banner", "https://shop.example.com/winter?utm_source=signature&utm_campaign=winter"),
        })
        {
            var response = await http.GetAsync(new Uri(signature.Groups[group].Value).PathAndQuery);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(target, response.Headers.Location!.OriginalString);
        }

        Assert.Equal(4, (await WinterStatsAsync(envoi, admin)).GetProperty("humanClicks").GetInt64());
    }

    [Fact]
    public async Task In_a_multipart_alternative_message_the_text_and_html_forms_of_a_link_share_one_tracked_link()
    {
        var (envoi, admin) = await StartWithTextLinksAsync();
        await using var _ = envoi;
        await Ok(admin.PutAsJsonAsync("/api/campaigns/winter", Campaign()));

        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", Message("carl@client.test")), MessageStatus.Relayed);
        var received = Assert.Single(_upstream.For("carl@client.test")).Parse();
        var (text, html) = (received.TextBody!.ReplaceLineEndings("\n"), received.HtmlBody!);

        Assert.StartsWith("See https://author.example.net/doc\n", text);
        Assert.Contains("<a href=\"https://author.example.net/doc\">", html);
        var htmlLinks = TrackedLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, htmlLinks.Count); // about, banner
        var textLinks = Regex.Matches(text, @"https://envoi\.example\.com(/c/[\w-]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, textLinks.Count); // about, call, guide, banner
        Assert.Equal(htmlLinks[0], textLinks[0]);
        Assert.Equal(htmlLinks[1], textLinks[3]);
        Assert.Contains($"Winter sale <https://envoi.example.com{htmlLinks[1]}>", text);

        using var http = Browser(envoi);
        var about = await http.GetAsync(textLinks[0]);
        Assert.Equal("https://www.example.com/about?x=1&y=2", about.Headers.Location!.OriginalString);
        await envoi.Get<TrackingRecorder>().FlushAsync(default);
        var links = await admin.GetFromJsonAsync<JsonElement>("/api/stats?period=today&by=link&q=www.example.com/about");
        Assert.Equal(1, Assert.Single(links.GetProperty("rows").EnumerateArray()).GetProperty("humanClicks").GetInt64());
    }

    [Fact]
    public async Task Quoted_printable_parts_are_spliced_around_the_banner_and_the_tracked_links_not_re_encoded()
    {
        var (envoi, admin) = await StartWithTextLinksAsync();
        await using var _ = envoi;
        await Ok(admin.PutAsJsonAsync("/api/campaigns/winter", Campaign()));
        // "=41" is an "A" no encoder writes that way: it survives only if the author's bytes are kept.
        var raw = """
            From: alice@example.com
            To: carl@client.test
            Subject: Spliced
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            =41uthor text: R=C3=A9union https://author.example.net/doc

            --b1
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <html><body><p>=41uthor text: R=C3=A9union <a href=3D"https://aut=
            hor.example.net/doc">doc</a></p></body></html>

            --b1--

            """.ReplaceLineEndings("\r\n");
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(raw)));

        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", message), MessageStatus.Relayed);
        var mail = Assert.Single(_upstream.For("carl@client.test"));
        Assert.Contains("=41uthor text: R=C3=A9union https://author.example.net/doc", mail.Text);
        Assert.Contains("<html><body><p>=41uthor text: R=C3=A9union <a href=3D\"https://aut=\r\nhor.example.net/doc\">", mail.Text);
        Assert.All(mail.Text.Split("\r\n"), line => Assert.True(line.Length <= 76, line));

        var received = mail.Parse();
        var htmlLinks = TrackedLink().Matches(received.HtmlBody!).Select(m => m.Groups[1].Value).ToList();
        var textLinks = Regex.Matches(received.TextBody!, @"https://envoi\.example\.com(/c/[\w-]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, htmlLinks.Count);
        Assert.Equal([htmlLinks[0], htmlLinks[1]], new[] { textLinks[0], textLinks[^1] });
        Assert.Contains("Author text: Réunion https://author.example.net/doc", received.TextBody);
        Assert.Contains("Author text: Réunion <a href=\"https://author.example.net/doc\">", received.HtmlBody);
        Assert.Contains("data-envoi-banner=\"winter\"", received.HtmlBody);

        using var http = Browser(envoi);
        Assert.Equal("https://www.example.com/about?x=1&y=2", (await http.GetAsync(htmlLinks[0])).Headers.Location!.OriginalString);
        Assert.Equal("https://shop.example.com/winter?utm_source=signature&utm_campaign=winter", (await http.GetAsync(textLinks[^1])).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Messages_released_together_each_get_their_own_link_rows()
    {
        var (envoi, _) = await StartWithTextLinksAsync();
        await using var __ = envoi;
        var recipients = Enumerable.Range(0, 12).Select(i => $"r{i}@client.test").ToList();
        var ids = await Task.WhenAll(recipients.Select(r => envoi.SendAsync("alice@example.com", "alice-password", Message(r))));
        foreach (var id in ids) await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        var tokens = envoi.Get<TrackingTokens>();
        var store = envoi.Get<ILinkStore>();
        var rows = new HashSet<long>();
        foreach (var (recipient, id) in recipients.Zip(ids))
        {
            var text = Assert.Single(_upstream.For(recipient)).Parse().TextBody!;
            foreach (Match link in Regex.Matches(text, @"https://envoi\.example\.com/c/([\w-]+)"))
            {
                var token = tokens.Read(link.Groups[1].Value)!;
                var row = (await store.FindAsync(token.LinkId, default))!;
                Assert.Equal(id, row.MessageId);
                Assert.Equal(token.MessageId, row.MessageId);
                Assert.True(rows.Add(row.Id));
            }
        }
        Assert.Equal(12 * 3, rows.Count);

        // The group commit itself: many callers at once, each answered with its own rows, in its order.
        await using var batches = new LinkRows(store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var links = Enumerable.Range(0, 50).Select(m => Enumerable.Range(0, 1 + m % 3).Select(l => new NewLink($"M{m}", 1, "corporate", 0, LinkKind.Click, $"https://example.com/{m}/{l}")).ToList()).ToList();
        var answers = await Task.WhenAll(links.Select(l => batches.EnsureAsync(l, default)));
        for (var m = 0; m < links.Count; m++)
            for (var l = 0; l < links[m].Count; l++)
            {
                var row = (await store.FindAsync(answers[m][l], default))!;
                Assert.Equal((links[m][l].MessageId, links[m][l].Url), (row.MessageId, row.Url));
            }
    }
}
