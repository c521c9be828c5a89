using System.Net;
using System.Net.Http.Json;
using System.Text;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;
using MimeKit;

namespace Envoi.Tests.Signatures;

/// <summary>
/// The rule option "once per thread", end to end: the first reply carries the full signature; a reply whose
/// quoted thread holds it (as a client quotes what the customer received) gets the reply signature, or none.
/// </summary>
public sealed class OncePerThreadTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private static string Rules(string oncePerThread) => $$"""
        [ { "name": "customers", "when": {}, "then": { "signature": "full", "oncePerThread": "{{oncePerThread}}" } } ]
        """;

    private async Task<(EnvoiTestHost Envoi, HttpClient Admin)> StartAsync(string oncePerThread)
    {
        var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = _upstream.Url);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.ImportEmployeesAsync("email,displayName,jobTitle,phone\nalice@example.com,Alice Martin,Sales Director,+33 1 23 45 67 89\n");
        await Put(admin, "full", "<p>{{ displayName }}, {{ jobTitle }}</p><p>Envoi SA, 12 rue de la Paix, Paris</p><p>{{ phone }}</p>",
            "{{ displayName }}, {{ jobTitle }}\nEnvoi SA, 12 rue de la Paix, Paris\n{{ phone }}");
        await Put(admin, "short", "<p>{{ displayName }} (short)</p>", "{{ displayName }} (short)");
        var rules = await admin.PutAsync("/api/signatures/rules", new StringContent(Rules(oncePerThread), Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());
        return (envoi, admin);
    }

    private static async Task Put(HttpClient admin, string name, string html, string text)
    {
        var response = await admin.PutAsJsonAsync($"/api/signatures/{name}", new { html, text, images = "hosted" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Alice's reply to Carl, quoting <paramref name="quoted"/> the way Gmail does (text with "> ", HTML in a blockquote).</summary>
    private static MimeMessage Reply(string newText, MimeMessage? quoted)
    {
        var quotedText = quoted?.TextBody ?? "Here is our offer.\r\n";
        var quotedHtml = quoted?.HtmlBody ?? "<div>Here is our offer.</div>";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        message.To.Add(MailboxAddress.Parse("carl@client.test"));
        message.Subject = "Re: Offer";
        message.InReplyTo = "<offer-1@client.test>";
        var angle = string.Join("\r\n", quotedText.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => "> " + l));
        message.Body = new BodyBuilder
        {
            TextBody = $"{newText}\r\n\r\nOn Tue, 24 Nov 2026 at 09:00, Carl <carl@client.test> wrote:\r\n{angle}\r\n",
            HtmlBody = $"<html><body><div dir=\"ltr\">{newText}</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, 24 Nov 2026 at 09:00, Carl wrote:<br></div><blockquote class=\"gmail_quote\">{quotedHtml}</blockquote></div></body></html>",
        }.ToMessageBody();
        return message;
    }

    private async Task<MimeMessage> SendAsync(EnvoiTestHost envoi, MimeMessage message, int nth)
    {
        await envoi.WaitForStatusAsync(await envoi.SendAsync("alice@example.com", "alice-password", message), MessageStatus.Relayed);
        var received = _upstream.For("carl@client.test");
        Assert.Equal(nth, received.Count);
        return received[^1].Parse();
    }

    /// <summary>What Alice wrote this time, with what Envoi put above the quote (text and HTML).</summary>
    private static (string Text, string Html) AboveTheQuote(MimeMessage message) =>
        (message.TextBody![..message.TextBody!.IndexOf("On Tue", StringComparison.Ordinal)],
         message.HtmlBody![..message.HtmlBody!.IndexOf("gmail_quote", StringComparison.Ordinal)]);

    [Fact]
    public async Task A_reply_whose_thread_holds_the_signature_gets_the_reply_signature()
    {
        var (envoi, _) = await StartAsync("short");
        await using var _ = envoi;

        var first = await SendAsync(envoi, Reply("Thanks, see you Monday.", null), 1);
        var (text1, html1) = AboveTheQuote(first);
        Assert.Contains("Envoi SA, 12 rue de la Paix, Paris", text1);
        Assert.Contains("Envoi SA, 12 rue de la Paix, Paris", html1);

        // Carl answers quoting Alice's signed reply; Alice replies again, quoting Carl's answer.
        var second = await SendAsync(envoi, Reply("Monday 10:00 then.", first), 2);
        var (text2, html2) = AboveTheQuote(second);
        Assert.Contains("Alice Martin (short)", text2);
        Assert.Contains("Alice Martin (short)", html2);
        Assert.DoesNotContain("12 rue de la Paix", text2);
        Assert.DoesNotContain("12 rue de la Paix", html2);
        // The quoted thread itself is left as it was: the full signature is still there, once.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(second.TextBody!, "12 rue de la Paix"));
    }

    [Fact]
    public async Task With_none_a_reply_whose_thread_holds_the_signature_gets_no_signature_and_a_fresh_thread_still_gets_it()
    {
        var (envoi, _) = await StartAsync("none");
        await using var _ = envoi;

        var first = await SendAsync(envoi, Reply("Thanks, see you Monday.", null), 1);
        Assert.Contains("12 rue de la Paix", AboveTheQuote(first).Text);

        var second = await SendAsync(envoi, Reply("Monday 10:00 then.", first), 2);
        var (text2, html2) = AboveTheQuote(second);
        Assert.DoesNotContain("Alice Martin", text2);
        Assert.DoesNotContain("Alice Martin", html2);

        // A reply quoting someone else's thread is signed as usual.
        var fresh = await SendAsync(envoi, Reply("Noted.", null), 3);
        Assert.Contains("12 rue de la Paix", AboveTheQuote(fresh).Text);
    }

    [Fact]
    public async Task A_rule_naming_a_missing_signature_for_the_thread_is_refused_with_a_sentence()
    {
        var (envoi, admin) = await StartAsync("short");
        await using var _ = envoi;
        var response = await admin.PutAsync("/api/signatures/rules", new StringContent(Rules("tiny"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'oncePerThread' names no signature: 'tiny'", await response.Content.ReadAsStringAsync());
    }
}
