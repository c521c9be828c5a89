using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MimeKit;

namespace Envoi.Tests.Addin;

/// <summary>The two APIs the add-in calls: the signature picker and the checks before send, against the real gateway.</summary>
public sealed class AddinApiTests : IAsyncLifetime
{
    private AddinGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await AddinGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task My_signatures_for_a_customer_reply_lists_every_option_rendered_with_the_rules_pick_and_the_undo_window()
    {
        var mine = await _gateway.Alice.GetFromJsonAsync<JsonElement>("/api/me/signatures?to=carl@client.test&cc=bob@example.com&kind=reply");
        Assert.Equal("alice@example.com", mine.GetProperty("sender").GetString());
        Assert.Equal("reply", mine.GetProperty("kind").GetString());
        Assert.Equal(120, mine.GetProperty("undoWindowSeconds").GetInt32());
        Assert.Equal(3, mine.GetProperty("allowed").GetArrayLength()); // the fields the portal already reads stay
        var options = mine.GetProperty("signatures").EnumerateArray().ToDictionary(o => o.GetProperty("header").GetString()!);
        Assert.Equal(new[] { "full", "short", "none" }, options.Keys);

        // Customers get "full" and colleagues "short": two copies, each marked with its recipients and reason.
        var full = options["full"];
        Assert.True(full.GetProperty("chosenByRules").GetBoolean());
        Assert.Equal("rule 2 'customers'", full.GetProperty("reason").GetString());
        Assert.Equal(new[] { "carl@client.test" }, full.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("<b>Alice Martin</b><br>Account Manager", full.GetProperty("html").GetString());
        Assert.Equal("Alice Martin\nAccount Manager\nhttps://www.example.com", full.GetProperty("text").GetString()!.ReplaceLineEndings("\n").Trim());
        Assert.True(options["short"].GetProperty("chosenByRules").GetBoolean());
        Assert.True(options["short"].GetProperty("honoured").GetBoolean());
        Assert.False(options["none"].GetProperty("chosenByRules").GetBoolean());
        Assert.Equal(JsonValueKind.Null, options["none"].GetProperty("name").ValueKind);
        Assert.True(options["none"].GetProperty("honoured").GetBoolean());

        // Without recipients yet: "a colleague", one pick.
        var draft = await _gateway.Alice.GetFromJsonAsync<JsonElement>("/api/me/signatures?kind=new");
        Assert.Equal(new[] { "short" }, draft.GetProperty("signatures").EnumerateArray().Where(o => o.GetProperty("chosenByRules").GetBoolean()).Select(o => o.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_enforced_rule_makes_the_picker_say_that_picking_changes_nothing()
    {
        var rules = await _gateway.Admin.PutAsync("/api/signatures/rules", new StringContent(
            """[ { "name": "legal", "when": { "recipientDomains": ["*.de"] }, "then": { "signature": "full", "enforced": true } } ]""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode);
        var mine = await _gateway.Alice.GetFromJsonAsync<JsonElement>("/api/me/signatures?to=kunde@firma.de&kind=new");
        var options = mine.GetProperty("signatures").EnumerateArray().ToDictionary(o => o.GetProperty("header").GetString()!);
        Assert.Equal("rule 1 'legal' (enforced)", options["full"].GetProperty("reason").GetString());
        Assert.False(options["short"].GetProperty("honoured").GetBoolean());
        Assert.Contains("enforced", options["short"].GetProperty("ignoredBecause").GetString());
    }

    [Fact]
    public async Task Bad_queries_get_a_clear_error()
    {
        var kind = await _gateway.Alice.GetAsync("/api/me/signatures?kind=sideways");
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Contains("kind must be new, reply or forward", await kind.Content.ReadAsStringAsync());
        var address = await _gateway.Alice.GetAsync("/api/me/signatures?cc=not-an-address");
        Assert.Contains("'not-an-address' is not an email address", await address.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.Envoi.Http.GetAsync("/api/me/signatures")).StatusCode);
    }

    private static object Draft(string body, object[]? attachments = null, string to = "carl@client.test") => new
    {
        from = "alice@example.com", to = new[] { to }, cc = Array.Empty<string>(), bcc = Array.Empty<string>(),
        subject = "Offer", body, attachments = attachments ?? [],
    };

    [Fact]
    public async Task Checks_on_a_draft_give_the_sentence_the_gateway_refuses_with_in_the_senders_language()
    {
        var response = await _gateway.Alice.PostAsJsonAsync("/api/checks", Draft("Bonjour,\nvous trouverez ci-joint notre offre.\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var finding = Assert.Single(result.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "forgotten-attachment");
        Assert.Equal("refuse", finding.GetProperty("action").GetString());
        Assert.Equal("refuse", result.GetProperty("action").GetString());
        Assert.True(finding.GetProperty("sendAnyway").GetBoolean()); // X-Envoi-Confirm is accepted by default
        Assert.Equal("X-Envoi-Confirm", result.GetProperty("confirmHeader").GetString());
        var sentence = finding.GetProperty("sentence").GetString()!;
        Assert.StartsWith("Votre message annonce « ci-joint »", sentence); // Alice prefers French in the directory

        // The gateway, sent the same message over SMTP, refuses it with the very same sentence (in SMTP's ASCII).
        var message = EnvoiTestHost.Message("alice@example.com", "carl@client.test", "Offer", "Bonjour,\r\nvous trouverez ci-joint notre offre.\r\n");
        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => _gateway.Envoi.SendAsync("alice@example.com", AddinGateway.AlicePassword, message));
        Assert.Contains(Envoi.Mail.Accept.SmtpReplies.Ascii(sentence), refusal.Message);

        // With the file attached (by name and size, as Outlook reports it) the draft is clean of that finding.
        var attached = await (await _gateway.Alice.PostAsJsonAsync("/api/checks", Draft("vous trouverez ci-joint notre offre.", [new { name = "offre.pdf", size = 48213, isInline = false }])))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(attached.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "forgotten-attachment");
        // An inline picture is not an attachment, for the add-in as for the gateway.
        var inline = await (await _gateway.Alice.PostAsJsonAsync("/api/checks", Draft("vous trouverez ci-joint notre offre.", [new { name = "logo.png", size = 2000, isInline = true }])))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(inline.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "forgotten-attachment");
    }

    [Fact]
    public async Task Checks_find_look_alike_domains_and_sensitive_data_and_a_refusal_without_confirmation_blocks()
    {
        await using var strict = await AddinGateway.StartAsync(s =>
        {
            s.Checks.KnownDomains = ["client.test"];
            s.Checks.AllowConfirmHeader = false;
        });
        var result = await (await strict.Alice.PostAsJsonAsync("/api/checks", Draft("Notre IBAN : FR76 3000 6000 0112 3456 7890 189, ci-joint le RIB.", to: "carl@cliemt.test")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var findings = result.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal("hold", findings["lookalike-domain"].GetProperty("action").GetString());
        Assert.Contains("cliemt.test", findings["lookalike-domain"].GetProperty("sentence").GetString());
        Assert.Equal("warn", findings["sensitive-data"].GetProperty("action").GetString());
        Assert.False(findings["forgotten-attachment"].GetProperty("sendAnyway").GetBoolean());
        Assert.False(result.GetProperty("sendAnyway").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("confirmHeader").ValueKind);
    }

    [Fact]
    public async Task A_malformed_draft_is_refused_with_the_reason()
    {
        var bad = await _gateway.Alice.PostAsJsonAsync("/api/checks", Draft("Hello", to: "carl at client"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Not an email address: 'carl at client'", await bad.Content.ReadAsStringAsync());
        var sizeless = await _gateway.Alice.PostAsJsonAsync("/api/checks", Draft("Hello", [new { name = "a.pdf" }]));
        Assert.Contains("needs a name and a size", await sizeless.Content.ReadAsStringAsync());
        var empty = await _gateway.Alice.PostAsync("/api/checks", new StringContent("null", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.Envoi.Http.PostAsJsonAsync("/api/checks", Draft("Hello"))).StatusCode);
    }

    [Fact]
    public async Task Classic_Outlook_may_call_the_api_cross_origin_with_its_token()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/checks");
        preflight.Headers.Add("Origin", "https://outlook.office.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        var response = await _gateway.Envoi.Http.SendAsync(preflight);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The console's pages never answer CORS.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/login");
        page.Headers.Add("Origin", "https://outlook.office.com");
        Assert.False((await _gateway.Envoi.Http.SendAsync(page)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Signing_out_revokes_the_add_ins_token_and_admins_list_and_revoke_them()
    {
        var accounts = _gateway.Envoi.Get<Envoi.Core.Users.UserAccounts>();
        var token = await accounts.CreateTokenAsync("test", "alice@example.com", "outlook-addin", default);
        using var addin = new HttpClient { BaseAddress = _gateway.Envoi.Http.BaseAddress };
        addin.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await addin.GetAsync("/api/me/signatures")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await addin.DeleteAsync("/api/me/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await addin.GetAsync("/api/me/signatures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.Alice.GetAsync("/api/me/signatures")).StatusCode); // her other tokens stay

        await accounts.CreateTokenAsync("test", "alice@example.com", "outlook-addin", default);
        Assert.Contains(await accounts.TokensAsync("alice@example.com", default) ?? [], t => t.Name == "outlook-addin");
        Assert.Equal(1, await accounts.RevokeTokensAsync("test", "alice@example.com", "outlook-addin", default));
        Assert.DoesNotContain(await accounts.TokensAsync("alice@example.com", default) ?? [], t => t.Name == "outlook-addin");
    }
}
