using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;
using MimeKit;
using Xunit;

namespace Envoi.Tests.Signatures;

/// <summary>Signatures end to end on SQLite: admin API, SMTP in, release, what the upstream receives.</summary>
public class SignatureGatewayTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private string? _database;

    /// <summary>Null for SQLite in the data directory, else a database URL.</summary>
    protected virtual Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _database = await CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private const string Rules = """
        [
          { "name": "colleagues", "when": { "recipients": "allInternal" }, "then": { "signature": "internal" } },
          { "name": "customers", "when": {}, "then": { "signature": "external" } }
        ]
        """;

    private sealed record Gateway(EnvoiTestHost Envoi, HttpClient Admin, HttpClient Alice) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Envoi.DisposeAsync();
    }

    private async Task<Gateway> StartAsync(int aliceHoldSeconds = 0)
    {
        var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Database = _database;
            s.Upstream.Url = _upstream.Url;
            s.Signatures.InternalDomains = ["example.com"];
            s.Http.PublicBaseUrl = "https://envoi.example.com";
        });
        var (_, alice) = await envoi.AddUserAsync("alice@example.com", "alice-password", holdSeconds: aliceHoldSeconds);
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        await envoi.ImportEmployeesAsync("email,displayName,jobTitle,preferredLanguage\nalice@example.com,Alice Martin,Sales <Director>,en\nbob@example.com,Bob Durand,Engineer,fr\n");
        await PutTemplateAsync(admin, "external", "<p class=\"sig\">{{ displayName }} | {{ jobTitle }}</p><p>External</p>", "{{ displayName }} | {{ jobTitle }}\nExternal");
        await PutTemplateAsync(admin, "internal", "<p class=\"sig\">{{ displayName }}</p><p>Internal</p>", "{{ displayName }}\nInternal");
        var rules = await admin.PutAsync("/api/signatures/rules", new StringContent(Rules, Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());
        return new Gateway(envoi, admin, alice);
    }

    private static async Task PutTemplateAsync(HttpClient admin, string name, string html, string text, string images = "hosted")
    {
        var response = await admin.PutAsJsonAsync($"/api/signatures/{name}", new { html, text, images });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static MimeMessage Reply(string to, params string[] more)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        foreach (var other in more) message.To.Add(MailboxAddress.Parse(other));
        message.Subject = "Re: Offer";
        message.InReplyTo = "<offer-1@client.test>";
        var builder = new BodyBuilder
        {
            TextBody = "Thanks, see you Monday.\r\nAlice\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, Carl <carl@client.test> wrote:\r\n> Here is our offer.\r\n",
            HtmlBody = "<html><body><div dir=\"ltr\">Thanks, see you Monday.<br>Alice</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, 23 Nov 2026 at 10:00, Carl wrote:<br></div><blockquote class=\"gmail_quote\">Here is our offer.</blockquote></div></body></html>",
        };
        message.Body = builder.ToMessageBody();
        return message;
    }

    [Fact]
    public async Task An_external_reply_gets_the_signature_above_the_quote_with_values_escaped()
    {
        await using var gateway = await StartAsync();
        var id = await gateway.Envoi.SendAsync("alice@example.com", "alice-password", Reply("carl@client.test"));
        await gateway.Envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        var received = Assert.Single(_upstream.For("carl@client.test")).Parse();
        var html = received.HtmlBody!;
        var signature = html.IndexOf("Alice Martin | Sales &lt;Director&gt;", StringComparison.Ordinal);
        Assert.True(signature > html.IndexOf("Alice</div>", StringComparison.Ordinal), html);
        Assert.True(signature < html.IndexOf("gmail_quote", StringComparison.Ordinal), html);
        Assert.DoesNotContain("<Director>", html);
        Assert.Contains("External", html);

        var text = received.TextBody!.ReplaceLineEndings("\n");
        var textSignature = text.IndexOf("Alice Martin | Sales <Director>\nExternal", StringComparison.Ordinal);
        Assert.True(textSignature > text.IndexOf("Alice\n", StringComparison.Ordinal) && textSignature < text.IndexOf("On Mon", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task Colleagues_and_customers_get_their_own_copy_and_the_outbox_shows_one_message()
    {
        await using var gateway = await StartAsync();
        var id = await gateway.Envoi.SendAsync("alice@example.com", "alice-password", Reply("carl@client.test", "bob@example.com"));
        var entry = await gateway.Envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.Equal(2, entry.Recipients.Count(r => r.Status == RecipientStatus.Relayed));

        var customer = Assert.Single(_upstream.For("carl@client.test"));
        var colleague = Assert.Single(_upstream.For("bob@example.com"));
        Assert.Equal(["carl@client.test"], customer.Recipients);
        Assert.Equal(["bob@example.com"], colleague.Recipients);
        Assert.Contains("External", customer.Parse().HtmlBody);
        Assert.DoesNotContain("Internal", customer.Parse().HtmlBody);
        Assert.Contains("Internal", colleague.Parse().HtmlBody);
        // Both copies keep the visible To: header of the original, so reply-all still reaches everyone.
        Assert.Equal(2, colleague.Parse().To.Count);
    }

    [Fact]
    public async Task The_header_picks_an_allowed_signature_and_never_reaches_the_recipient()
    {
        await using var gateway = await StartAsync();
        var allowed = await gateway.Admin.PutAsJsonAsync("/api/signatures/employees/alice@example.com", new { allowed = new[] { "internal" } });
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());

        var chosen = Reply("carl@client.test");
        chosen.Headers.Add("X-Envoi-Signature", "internal");
        await gateway.Envoi.WaitForStatusAsync(await gateway.Envoi.SendAsync("alice@example.com", "alice-password", chosen), MessageStatus.Relayed);
        var mail = Assert.Single(_upstream.For("carl@client.test"));
        Assert.Contains("Internal", mail.Parse().HtmlBody);
        Assert.DoesNotContain("X-Envoi-Signature", mail.Text);

        var refused = Reply("dan@client.test");
        refused.Headers.Add("X-Envoi-Signature", "someone-elses");
        await gateway.Envoi.WaitForStatusAsync(await gateway.Envoi.SendAsync("alice@example.com", "alice-password", refused), MessageStatus.Relayed);
        Assert.Contains("External", Assert.Single(_upstream.For("dan@client.test")).Parse().HtmlBody);
    }

    [Fact]
    public async Task Employees_pick_defaults_only_among_the_signatures_they_are_allowed()
    {
        await using var gateway = await StartAsync();
        var tooEarly = await gateway.Alice.PutAsJsonAsync("/api/me/signatures/defaults", new Dictionary<string, string> { ["reply-external"] = "internal" });
        Assert.Equal(HttpStatusCode.Forbidden, tooEarly.StatusCode);
        Assert.Contains("you may not use signature 'internal'", await tooEarly.Content.ReadAsStringAsync());

        await gateway.Admin.PutAsJsonAsync("/api/signatures/employees/alice@example.com", new { allowed = new[] { "internal", "external" } });
        var saved = await gateway.Alice.PutAsJsonAsync("/api/me/signatures/defaults", new Dictionary<string, string> { ["reply-external"] = "internal" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var mine = await gateway.Alice.GetFromJsonAsync<JsonElement>("/api/me/signatures");
        Assert.Equal("internal", mine.GetProperty("defaults").GetProperty("reply-external").GetString());

        await gateway.Envoi.WaitForStatusAsync(await gateway.Envoi.SendAsync("alice@example.com", "alice-password", Reply("carl@client.test")), MessageStatus.Relayed);
        Assert.Contains("Internal", Assert.Single(_upstream.For("carl@client.test")).Parse().HtmlBody);
    }

    [Fact]
    public async Task The_template_in_force_when_the_message_leaves_is_the_one_used()
    {
        await using var gateway = await StartAsync(aliceHoldSeconds: 2);
        var id = await gateway.Envoi.SendAsync("alice@example.com", "alice-password", Reply("carl@client.test"));
        Assert.Equal(MessageStatus.Held, (await gateway.Envoi.FindAsync(id))!.Status);
        await PutTemplateAsync(gateway.Admin, "external", "<p>{{ displayName }}, updated</p>", "{{ displayName }}, updated");
        await gateway.Envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        var html = Assert.Single(_upstream.For("carl@client.test")).Parse().HtmlBody;
        Assert.Contains("Alice Martin, updated", html);
        Assert.DoesNotContain("External", html);
    }

    [Fact]
    public async Task A_sender_outside_the_directory_gets_no_signature_and_an_untouched_body()
    {
        await using var gateway = await StartAsync();
        await gateway.Envoi.AddUserAsync("temp@example.com", "temp-password", holdSeconds: 0);
        var message = Reply("carl@client.test");
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("temp@example.com"));
        var sent = new MemoryStream();
        await message.Body!.WriteToAsync(sent);
        var entry = await gateway.Envoi.WaitForStatusAsync(await gateway.Envoi.SendAsync("temp@example.com", "temp-password", message), MessageStatus.Relayed);
        // The missing-signature check (Log by default) says so on the message.
        Assert.Contains("No signature will be added to your message: temp@example.com is not an active employee in the directory.", entry.Findings);

        var received = new MemoryStream();
        await Assert.Single(_upstream.For("carl@client.test")).Parse().Body!.WriteToAsync(received);
        Assert.Equal(Encoding.UTF8.GetString(sent.ToArray()), Encoding.UTF8.GetString(received.ToArray()));
    }

    [Fact]
    public async Task A_signature_that_cannot_be_rendered_at_release_lets_the_message_leave_unsigned()
    {
        await using var gateway = await StartAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var upload = await gateway.Admin.PutAsync("/api/signatures/assets/logo.png", new ByteArrayContent(png));
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        await PutTemplateAsync(gateway.Admin, "external", "<p>{{ displayName }}</p><img src=\"{{ 'logo.png' | asset_url }}\" alt=\"Logo\">", "{{ displayName }}", images: "embedded");
        Assert.Equal(HttpStatusCode.OK, (await gateway.Admin.DeleteAsync("/api/signatures/assets/logo.png")).StatusCode);

        var id = await gateway.Envoi.SendAsync("alice@example.com", "alice-password", Reply("carl@client.test"));
        await gateway.Envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.DoesNotContain("Alice Martin", Assert.Single(_upstream.For("carl@client.test")).Parse().HtmlBody);
    }

    [Fact]
    public async Task Embedded_images_travel_in_multipart_related_and_hosted_ones_are_served()
    {
        await using var gateway = await StartAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        await gateway.Admin.PutAsync("/api/signatures/assets/logo.png", new ByteArrayContent(png));
        Assert.Equal(png, await gateway.Envoi.Http.GetByteArrayAsync("/assets/logo.png"));
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Envoi.Http.GetAsync("/assets/missing.png")).StatusCode);
        var notImage = await gateway.Admin.PutAsync("/api/signatures/assets/evil.png", new StringContent("<svg onload=alert(1)>"));
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Contains("only PNG, JPEG and GIF", await notImage.Content.ReadAsStringAsync());

        await PutTemplateAsync(gateway.Admin, "external", "<p>{{ displayName }}</p><img src=\"{{ 'logo.png' | asset_url }}\" alt=\"Logo\">", "{{ displayName }}", images: "embedded");
        await gateway.Envoi.WaitForStatusAsync(await gateway.Envoi.SendAsync("alice@example.com", "alice-password", Reply("carl@client.test")), MessageStatus.Relayed);
        var received = Assert.Single(_upstream.For("carl@client.test")).Parse();
        var related = received.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MediaType == "image");
        Assert.Contains($"cid:{related.ContentId}", received.HtmlBody);
        var bytes = new MemoryStream();
        await related.Content!.DecodeToAsync(bytes);
        Assert.Equal(png, bytes.ToArray());
    }

    [Fact]
    public async Task The_admin_api_refuses_broken_templates_and_rules_and_says_where()
    {
        await using var gateway = await StartAsync();
        var broken = await gateway.Admin.PutAsJsonAsync("/api/signatures/broken", new { html = "<p>\n{% if displayName %}{{ displayName }}</p>", text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var body = await broken.Content.ReadFromJsonAsync<JsonElement>();
        var issue = body.GetProperty("report").GetProperty("issues").EnumerateArray().First(i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal("html", issue.GetProperty("form").GetString());
        Assert.True(issue.GetProperty("line").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Admin.GetAsync("/api/signatures/broken")).StatusCode);

        var unknown = await gateway.Admin.PutAsync("/api/signatures/rules", new StringContent("""[{ "name": "x", "when": {}, "then": { "signature": "nope" } }]""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("there is no signature named 'nope'", await unknown.Content.ReadAsStringAsync());

        var garbled = await gateway.Admin.PutAsync("/api/signatures/rules", new StringContent("[\n{ \"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("invalid rules JSON", await garbled.Content.ReadAsStringAsync());

        var inUse = await gateway.Admin.DeleteAsync("/api/signatures/external");
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);
        Assert.Contains("used by rule(s) 'customers'", await inUse.Content.ReadAsStringAsync());

        // Employees may not touch templates or rules.
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.Alice.PutAsync("/api/signatures/rules", new StringContent("[]"))).StatusCode);
        // The rules saved earlier are still in force.
        Assert.Contains("colleagues", await gateway.Admin.GetStringAsync("/api/signatures/rules"));
    }

    [Fact]
    public async Task Preview_shows_each_copy_with_its_signature_and_the_reasoning()
    {
        await using var gateway = await StartAsync();
        var preview = await gateway.Admin.GetFromJsonAsync<JsonElement>("/api/signatures/preview?email=alice@example.com&to=bob@example.com,carl@client.test&kind=reply");
        var copies = preview.GetProperty("copies").EnumerateArray().ToList();
        Assert.Equal(2, copies.Count);
        Assert.Equal("internal", copies[0].GetProperty("signature").GetString());
        Assert.Equal("external", copies[1].GetProperty("signature").GetString());
        Assert.Contains("rule 1 'colleagues': no, not every recipient is internal", copies[1].GetProperty("trace").EnumerateArray().Select(t => t.GetString()).First());
        Assert.Contains("Sales &lt;Director&gt;", copies[1].GetProperty("html").GetString());

        var mine = await gateway.Alice.GetFromJsonAsync<JsonElement>("/api/me/signatures/preview?to=carl@client.test");
        Assert.Equal("external", mine.GetProperty("copies")[0].GetProperty("signature").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await gateway.Alice.GetAsync("/api/me/signatures/preview?kind=sideways")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gateway.Alice.GetAsync("/api/me/signatures/preview?to=not-an-address")).StatusCode);
    }

    [Fact]
    public async Task The_vcard_link_serves_the_senders_card_and_a_forged_one_nothing()
    {
        await using var gateway = await StartAsync();
        await PutTemplateAsync(gateway.Admin, "external", "<p>{{ displayName }} <a href=\"{{ vcard_url }}\">vCard</a></p>", "{{ displayName }}");
        var preview = await gateway.Admin.GetFromJsonAsync<JsonElement>("/api/signatures/preview?email=alice@example.com&to=carl@client.test");
        var html = preview.GetProperty("copies")[0].GetProperty("html").GetString()!;
        var url = System.Text.RegularExpressions.Regex.Match(html, "href=\"https://envoi.example.com(/vcard/[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("/vcard/", url);
        var card = await gateway.Envoi.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.StartsWith("text/vcard", card.Content.Headers.ContentType?.ToString());
        Assert.Contains("FN:Alice Martin", await card.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Envoi.Http.GetAsync(url.Replace(".vcf", "x.vcf"))).StatusCode);
    }
}

/// <summary>The same on PostgreSQL: templates, rules, choices and images in its schema.</summary>
public sealed class SignatureGatewayPostgresTests : SignatureGatewayTests
{
    protected override async Task<string?> CreateDatabaseAsync() => await PostgresServer.CreateDatabaseAsync();
}
