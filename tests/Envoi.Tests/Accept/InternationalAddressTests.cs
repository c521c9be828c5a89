using System.Text;
using Envoi.Core.Directory;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>
/// RFC 6531 (SMTPUTF8): UTF-8 local parts and internationalized domains, as U-labels or A-labels, are
/// accepted, stored as sent, matched to users and the directory whichever form is used, and relayed unchanged.
/// </summary>
public sealed class InternationalAddressTests : IAsyncLifetime
{
    private const string Jose = "josé@exämple.de";
    private const string JoseALabel = "josé@xn--exmple-cua.de";
    private const string Password = "jose-password";
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync(s => s.Hold.DefaultSeconds = 3600);
        await _envoi.AddUserAsync(Jose, Password);
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private static async Task<RawSmtpClient> LoggedInAsync(int port)
    {
        var raw = await RawSmtpClient.ConnectAsync(port);
        await raw.LoginAsync(Jose, Password);
        return raw;
    }

    private static string Body(string from, string to) =>
        $"From: {from}\r\nTo: {to}\r\nSubject: Grüße\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHallo, schöne Grüße.\r\n.";

    [Fact]
    public async Task Utf8_sender_and_idn_recipient_are_accepted_and_stored_as_sent()
    {
        // The regression: MAIL FROM was "553 5.1.7 Sender <jose@ex??mple.de> refused: 'ex??mple.de' is not a valid domain name".
        var id = await SubmitAsync(_envoi);

        var entry = await _envoi.FindAsync(id);
        Assert.NotNull(entry);
        Assert.Equal(Jose, entry.From);
        Assert.Equal(["müller@bücher.example", "ana@xn--bcher-kva.example"], entry.Recipients.Select(r => r.Address));
        Assert.Equal("Grüße", entry.Subject);
    }

    [Fact]
    public async Task A_label_sender_belongs_to_the_user_registered_with_the_u_label()
    {
        await using var raw = await LoggedInAsync(_envoi.SmtpPort);
        Assert.StartsWith("250", await raw.CommandAsync($"MAIL FROM:<{JoseALabel}> SMTPUTF8"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<bob@example.net>"));
    }

    [Fact]
    public async Task Sender_of_another_idn_domain_is_still_refused_as_not_yours()
    {
        await using var raw = await LoggedInAsync(_envoi.SmtpPort);
        var reply = await raw.CommandAsync("MAIL FROM:<josé@exämple.at> SMTPUTF8");
        Assert.StartsWith("553 5.7.1", reply);
    }

    [Fact]
    public async Task Non_ascii_address_without_the_smtputf8_parameter_is_refused_with_5_6_7()
    {
        await using var raw = await LoggedInAsync(_envoi.SmtpPort);
        var reply = await raw.CommandAsync($"MAIL FROM:<{Jose}>");
        Assert.StartsWith("553 5.6.7", reply);
        Assert.Contains("SMTPUTF8", reply);
        Assert.Contains("xn--exmple-cua.de", reply); // the reply is ASCII: the domain is quoted as A-label, not as '??'

        // In a transaction without SMTPUTF8, a non-ASCII recipient is refused the same way.
        Assert.StartsWith("250", await raw.CommandAsync("MAIL FROM:<>"));
        var rcpt = await raw.CommandAsync("RCPT TO:<müller@bücher.example>");
        Assert.StartsWith("553 5.6.7", rcpt);
    }

    [Fact]
    public async Task Malformed_utf8_in_an_address_is_refused()
    {
        await using var raw = await LoggedInAsync(_envoi.SmtpPort);
        Assert.StartsWith("250", await raw.CommandAsync($"MAIL FROM:<{Jose}> SMTPUTF8"));
        var line = Encoding.ASCII.GetBytes("RCPT TO:<bad@ex").Concat(new byte[] { 0xA4 }).Concat(Encoding.ASCII.GetBytes("mple.de>\r\n")).ToArray(); // 0xA4 alone: a continuation byte without its lead
        await raw.SendAsync(line);
        var reply = await raw.ReadReplyAsync();
        Assert.StartsWith("553 5.6.7", reply);
        Assert.Contains("UTF-8", reply);
    }

    [Fact]
    public async Task Invalid_internationalized_domain_is_refused_with_the_reason()
    {
        await using var raw = await LoggedInAsync(_envoi.SmtpPort);
        Assert.StartsWith("250", await raw.CommandAsync($"MAIL FROM:<{Jose}> SMTPUTF8"));
        var reply = await raw.CommandAsync("RCPT TO:<ana@xn--zz-.example>");
        Assert.StartsWith("550 5.7.1", reply);
        Assert.Contains("not a valid", reply);
    }

    [Fact]
    public async Task Directory_finds_the_employee_by_either_form_of_the_domain()
    {
        await _envoi.ImportEmployeesAsync($"email,displayName\n{Jose},José Núñez\n");
        var directory = _envoi.Get<IDirectoryStore>();
        Assert.Equal("José Núñez", (await directory.FindAsync(Jose, default))?["displayName"]);
        Assert.Equal("José Núñez", (await directory.FindAsync(JoseALabel, default))?["displayName"]);
        Assert.Equal("José Núñez", (await directory.FindAsync("JOSÉ@EXÄMPLE.DE", default))?["displayName"]);
    }

    private static async Task<string> SubmitAsync(EnvoiTestHost envoi)
    {
        await using var raw = await LoggedInAsync(envoi.SmtpPort);
        Assert.StartsWith("250", await raw.CommandAsync($"MAIL FROM:<{Jose}> SMTPUTF8"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<müller@bücher.example>"));
        Assert.StartsWith("250", await raw.CommandAsync("RCPT TO:<ana@xn--bcher-kva.example>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        var reply = await raw.CommandAsync(Body(Jose, "müller@bücher.example"));
        Assert.StartsWith("250", reply);
        return EnvoiTestHost.QueueIdFrom(reply);
    }

    [Fact]
    public async Task International_envelope_is_relayed_unchanged_with_smtputf8_when_the_upstream_offers_it()
    {
        await using var upstream = new EnvelopeRecorder(offerSmtpUtf8: true);
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = upstream.Url);
        await envoi.AddUserAsync(Jose, Password);
        var id = await SubmitAsync(envoi);

        var delivered = await upstream.WaitForAsync();
        Assert.Equal($"MAIL FROM:<{Jose}>", delivered.MailLine.Split(' ', 3)[0] + " " + delivered.MailLine.Split(' ', 3)[1]);
        Assert.Contains(" SMTPUTF8", delivered.MailLine);
        // MailKit writes every domain of an SMTPUTF8 transaction as U-label: the A-label recipient arrives
        // as the same mailbox in its other form (RFC 5890); the U-label ones arrive byte for byte as sent.
        Assert.Equal(["RCPT TO:<müller@bücher.example>", "RCPT TO:<ana@bücher.example>"], delivered.RcptLines);
        Assert.Contains("Hallo, schöne Grüße.", Encoding.UTF8.GetString(delivered.Data));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
    }

    [Fact]
    public async Task Upstream_without_smtputf8_fails_a_non_ascii_local_part_for_good_and_says_why()
    {
        await using var upstream = new EnvelopeRecorder(offerSmtpUtf8: false);
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = upstream.Url);
        await envoi.AddUserAsync(Jose, Password);
        var id = await SubmitAsync(envoi);

        var entry = await envoi.WaitUntilAsync(id, e => e.Recipients.All(r => r.Status == RecipientStatus.Failed), "failed for every recipient");
        Assert.DoesNotContain(upstream.Log, line => line.StartsWith("MAIL FROM:<josé")); // Envoi did not try, nor rewrite the address
        foreach (var recipient in entry.Recipients) Assert.StartsWith("553 5.6.7", recipient.Response);
        Assert.Contains("SMTPUTF8", entry.Recipients[0].Response);
    }
}
