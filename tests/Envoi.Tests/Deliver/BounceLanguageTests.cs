using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;
using MimeKit;

namespace Envoi.Tests.Deliver;

/// <summary>Permanent failures: one DSN per message, whatever the number of failed recipients, in the sender's directory language.</summary>
public sealed class BounceLanguageTests
{
    [Theory]
    [InlineData("de", "Unzustellbare Nachricht an den Absender zurück: Bericht", "konnte nicht zugestellt werden an:")]
    [InlineData("fr-FR", "Message non distribué retourné à l'expéditeur : Bericht", "n'a pas pu être remis à :")]
    [InlineData(null, "Undelivered Mail Returned to Sender: Bericht", "could not be delivered to:")]
    public async Task One_bounce_for_all_failed_recipients_in_the_senders_language(string? language, string subject, string sentence)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = upstream.Url);
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        await envoi.ImportEmployeesAsync(language is null ? "email,displayName\nalice@example.com,Alice\n" : $"email,displayName,preferredLanguage\nalice@example.com,Alice,{language}\n");

        var recipients = new[] { "reject-one@example.net", "reject-two@example.net", "reject-three@example.net", "ok@example.net" };
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", recipients[0], "Bericht"), recipients);
        await envoi.WaitUntilAsync(id, e => e.Status is MessageStatus.Failed or MessageStatus.Relayed && e.Recipients.Count(r => r.Status == RecipientStatus.Failed) == 3, "three failed recipients");
        var bounce = await upstream.WaitForAsync(m => m.Sender == "" && m.Recipients.Contains("alice@example.com"));
        await Task.Delay(1000);
        Assert.Single(upstream.Received, m => m.Sender == "");

        var message = bounce.Parse();
        Assert.Equal(subject, message.Subject);
        var report = Assert.IsType<MultipartReport>(message.Body);
        var human = report.OfType<TextPart>().First(p => p.IsPlain).Text;
        Assert.Contains(sentence, human);
        var status = Assert.Single(report.OfType<MessageDeliveryStatus>());
        Assert.Equal(new[] { "rfc822; reject-one@example.net", "rfc822; reject-two@example.net", "rfc822; reject-three@example.net" },
            status.StatusGroups.Select(g => g["Final-Recipient"]).OfType<string>().ToArray());
        Assert.All(status.StatusGroups.Where(g => g["Final-Recipient"] is not null), g => Assert.Equal("5.1.1", g["Status"]));
    }
}
