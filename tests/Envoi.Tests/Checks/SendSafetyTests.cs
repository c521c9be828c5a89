using System.Net;
using System.Text.RegularExpressions;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;
using MimeKit;

namespace Envoi.Tests.Checks;

/// <summary>Send-safety checks end to end: what the sender's client sees, what waits, what leaves.</summary>
public sealed partial class SendSafetyTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private async Task<EnvoiTestHost> StartAsync(Action<CheckOptions>? policy = null)
    {
        var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = _upstream.Url;
            s.Checks.KnownDomains = ["gmail.com"];
            policy?.Invoke(s.Checks);
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        return envoi;
    }

    private static MimeMessage Forgetful(string to = "bob@example.net") =>
        EnvoiTestHost.Message("alice@example.com", to, "Contract", "Hi Bob,\nPlease find attached the signed contract.\nAlice\n");

    private async Task<string> NoticeTokenAsync(ConfirmationAction action)
    {
        var notice = await _upstream.WaitForAsync(m => m.Sender == "" && m.Recipients.Contains("alice@example.com"));
        var text = notice.Parse().TextBody ?? "";
        var urls = LinkPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, urls.Count);
        return action == ConfirmationAction.Confirm ? urls[0] : urls[1];
    }

    [Fact]
    public async Task Forgotten_attachment_is_held_until_the_sender_confirms_by_the_link()
    {
        await using var envoi = await StartAsync();
        var id = await envoi.SendAsync("alice@example.com", "alice-password", Forgetful());
        var held = await envoi.FindAsync(id);
        Assert.Equal(MessageStatus.AwaitingConfirmation, held!.Status);
        Assert.Contains("Your message says \"attached\" but has no attachment.", held.Findings);

        var token = await NoticeTokenAsync(ConfirmationAction.Confirm);
        // Opening the link (as a link scanner would) changes nothing.
        var page = await envoi.Http.GetAsync($"/confirm/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<button type=\"submit\">Send it</button>", await page.Content.ReadAsStringAsync());
        await Task.Delay(500);
        Assert.Empty(_upstream.For("bob@example.net"));
        Assert.Equal(MessageStatus.AwaitingConfirmation, (await envoi.FindAsync(id))!.Status);

        var posted = await envoi.Http.PostAsync($"/confirm/{token}", null);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.Single(_upstream.For("bob@example.net"));

        var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.NotFound, (await envoi.Http.PostAsync($"/confirm/{tampered}", null)).StatusCode);
    }

    [Fact]
    public async Task Cancel_link_cancels_and_the_message_never_leaves()
    {
        await using var envoi = await StartAsync();
        var id = await envoi.SendAsync("alice@example.com", "alice-password", Forgetful());
        var token = await NoticeTokenAsync(ConfirmationAction.Cancel);
        Assert.Equal(HttpStatusCode.OK, (await envoi.Http.PostAsync($"/confirm/{token}", null)).StatusCode);
        Assert.Equal(MessageStatus.Cancelled, (await envoi.FindAsync(id))!.Status);
        await Task.Delay(500);
        Assert.Empty(_upstream.For("bob@example.net"));
    }

    [Fact]
    public async Task A_scheduled_message_confirmed_early_still_leaves_at_its_time()
    {
        await using var envoi = await StartAsync();
        var (_, api) = await envoi.AddUserAsync("erin@example.com", "erin-password");
        var message = Forgetful("frank@example.net");
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("erin@example.com"));
        // Far enough ahead that sending and confirming finish before it on a loaded CI machine (3 s did not, once).
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(8);
        message.Headers.Add("X-Envoi-Send-At", sendAt.ToString("yyyy-MM-ddTHH:mm:ssK"));
        var id = await envoi.SendAsync("erin@example.com", "erin-password", message);
        Assert.Equal(MessageStatus.AwaitingConfirmation, (await envoi.FindAsync(id))!.Status);

        var confirmed = await api.PostAsync($"/api/outbox/{id}/confirm", null);
        Assert.Contains("as scheduled", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(MessageStatus.Scheduled, (await envoi.FindAsync(id))!.Status);
        await Task.Delay(1000);
        Assert.Empty(_upstream.For("frank@example.net"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.True(DateTimeOffset.UtcNow >= sendAt.AddSeconds(-1));
    }

    [Fact]
    public async Task An_automatic_reply_is_never_held_by_a_check()
    {
        await using var envoi = await StartAsync();
        var reply = Forgetful("gina@example.net");
        reply.Headers.Add("Auto-Submitted", "auto-replied");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", reply);
        var entry = await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.Null(entry.Findings);
    }

    [Fact]
    public async Task Outbox_api_confirms_and_x_envoi_confirm_header_skips_the_hold()
    {
        await using var envoi = await StartAsync();
        var (_, api) = await envoi.AddUserAsync("carol@example.com", "carol-password");
        var message = Forgetful();
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("carol@example.com"));
        var id = await envoi.SendAsync("carol@example.com", "carol-password", message);
        var sendNow = await api.PostAsync($"/api/outbox/{id}/send-now", null);
        Assert.Equal(HttpStatusCode.BadRequest, sendNow.StatusCode);
        Assert.Contains("Confirm it to send it", await sendNow.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/outbox/{id}/confirm", null)).StatusCode);
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        var confirmed = Forgetful("dave@example.net");
        confirmed.Headers.Add(MessageAcceptorHeader, "yes");
        var direct = await envoi.SendAsync("alice@example.com", "alice-password", confirmed);
        var entry = await envoi.WaitForStatusAsync(direct, MessageStatus.Relayed);
        Assert.Contains("no attachment", entry.Findings); // recorded, not enforced
        Assert.DoesNotContain(MessageAcceptorHeader, Assert.Single(_upstream.For("dave@example.net")).Text);
    }

    private const string MessageAcceptorHeader = Envoi.Mail.Accept.SendSafetyGate.ConfirmHeader;

    [Fact]
    public async Task Unconfirmed_message_is_cancelled_when_the_timeout_passes()
    {
        await using var envoi = await StartAsync(p => p.ConfirmationTimeout = TimeSpan.FromSeconds(1));
        var id = await envoi.SendAsync("alice@example.com", "alice-password", Forgetful());
        await envoi.WaitForStatusAsync(id, MessageStatus.Cancelled, TimeSpan.FromSeconds(15));
        Assert.Empty(_upstream.For("bob@example.net"));
    }

    [Fact]
    public async Task Refuse_policy_answers_550_in_the_senders_language_which_swaks_shows()
    {
        await using var envoi = await StartAsync(p => p.Actions[ForgottenAttachmentCheck.Id] = CheckAction.Refuse);
        await envoi.Get<DirectoryService>().SetDirectoryValuesAsync("admin", "alice@example.com", new Dictionary<string, string?> { ["preferredLanguage"] = "fr" }, default);
        var swaks = await Processes.RunAsync("swaks", "--server", $"127.0.0.1:{envoi.SmtpPort}", "--auth", "PLAIN", "--auth-user", "alice@example.com",
            "--auth-password", "alice-password", "--from", "alice@example.com", "--to", "bob@example.net", "--header", "Subject: devis",
            "--body", "Bonjour,\nVeuillez trouver ci-joint le devis.\n").ContinueWith(t => t.Exception?.InnerException?.Message ?? t.Result);
        Assert.True(swaks.Contains("550 5.7.1 Votre message annonce \"ci-joint\" mais ne contient aucune piece jointe."), swaks);
        Assert.Contains("X-Envoi-Confirm: yes", swaks);
        Assert.Empty(await envoi.Get<OutboxService>().ListAsync(Actor.Operator, null, 10, default));
    }

    [Fact]
    public async Task Lookalike_recipient_domain_is_held()
    {
        await using var envoi = await StartAsync();
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@gmial.com", "Lunch", "See you at noon.\n"));
        var entry = await envoi.FindAsync(id);
        Assert.Equal(MessageStatus.AwaitingConfirmation, entry!.Status);
        Assert.Contains("gmial.com looks like gmail.com", entry.Findings);
    }

    [Fact]
    public async Task Group_policy_overrides_the_organization_and_warnings_let_mail_through_with_a_notice()
    {
        await using var envoi = await StartAsync(p => p.Groups["Sales"] = new() { [ForgottenAttachmentCheck.Id] = CheckAction.Off });
        var directory = envoi.Get<DirectoryService>();
        await directory.SetDirectoryValuesAsync("admin", "alice@example.com", new Dictionary<string, string?> { ["jobTitle"] = "Sales rep" }, default);
        var store = envoi.Get<IDirectoryStore>();
        var group = await store.CreateGroupAsync("Sales", "static", null, default);
        await store.ChangeMembersAsync(group!.Id, [(await store.FindAsync("alice@example.com", default))!.Id], [], false, default);

        var id = await envoi.SendAsync("alice@example.com", "alice-password", Forgetful());
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        // Sensitive data warns by default: the message leaves and the sender gets a notice.
        var iban = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "erin@example.net", "Payment", "Please pay to FR76 3000 6000 0112 3456 7890 189.\n"));
        await envoi.WaitForStatusAsync(iban, MessageStatus.Relayed);
        var notice = await _upstream.WaitForAsync(m => m.Sender == "" && (m.Parse().Subject ?? "").StartsWith("Please check your message"));
        Assert.Contains("iban", notice.Parse().TextBody);
        Assert.DoesNotContain("0189 3456", notice.Parse().TextBody); // masked
    }

    [Fact]
    public async Task First_time_recipient_close_to_a_frequent_contact_gets_a_warning()
    {
        await using var envoi = await StartAsync(p => p.HistoryCacheDuration = TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "jonathan.smith@partner.example", $"Update {i}", "Latest numbers below.\n"));
            await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        }
        var typo = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "jonathon.smith@partner.example", "Update 4", "Latest numbers below.\n"));
        var entry = await envoi.WaitForStatusAsync(typo, MessageStatus.Relayed); // a warning does not stop it
        Assert.Contains("never written to jonathon.smith@partner.example, but often to jonathan.smith@partner.example", entry.Findings);
        await _upstream.WaitForAsync(m => m.Sender == "" && (m.Parse().TextBody ?? "").Contains("jonathon.smith@partner.example"));
    }

    [GeneratedRegex(@"/confirm/([A-Za-z0-9_-]{39})\b")]
    private static partial Regex LinkPattern();
}
