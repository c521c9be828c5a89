using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Tests.Addin;

/// <summary>
/// With Addin:InsertSignature the add-in puts the signature into the draft in Outlook
/// (setSignatureAsync) and pins it with X-Envoi-Signature: the gateway must recognize it and not
/// add a second one, in the HTML and the text body.
/// </summary>
public sealed class AddinSignatureOnceTests
{
    [Fact]
    public async Task A_signature_the_add_in_inserted_is_relayed_exactly_once()
    {
        await using var gateway = await AddinGateway.StartAsync(s => s.Addin.InsertSignature = true);
        var mine = await gateway.Alice.GetFromJsonAsync<JsonElement>("/api/me/signatures?to=carl@client.test&kind=reply");
        var full = mine.GetProperty("signatures").EnumerateArray().Single(o => o.GetProperty("header").GetString() == "full");
        var html = full.GetProperty("html").GetString()!;
        var text = full.GetProperty("text").GetString()!.ReplaceLineEndings("\r\n");

        // What Outlook on the web sends after setSignatureAsync: the signature in its "Signature" div,
        // wrapped as the add-in wraps it, above the quoted message.
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        message.To.Add(MailboxAddress.Parse("carl@client.test"));
        message.Subject = "RE: Offer";
        message.InReplyTo = "<offer-1@client.test>";
        message.Headers.Add("X-Envoi-Signature", "full");
        message.Body = new BodyBuilder
        {
            HtmlBody = "<html><body><div>Thanks, see you Monday.</div><div id=\"Signature\"><div class=\"envoi-signature\" data-envoi-signature=\"full\">" + html + "</div></div>"
                + "<div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> Carl<br><b>Subject:</b> Offer</div><div>Here is our offer.</div></body></html>",
            TextBody = "Thanks, see you Monday.\r\n\r\n" + text + "\r\n\r\n________________________________\r\nFrom: Carl <carl@client.test>\r\nSubject: Offer\r\n\r\nHere is our offer.\r\n",
        }.ToMessageBody();
        var id = await gateway.Envoi.SendAsync("alice@example.com", AddinGateway.AlicePassword, message);
        Assert.True((await gateway.Alice.PostAsync($"/api/outbox/{id}/send-now", null)).IsSuccessStatusCode); // not the 2-minute undo window
        await gateway.Envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        var received = Assert.Single(gateway.Upstream.For("carl@client.test")).Parse();
        Assert.Equal(1, Count(received.HtmlBody!, "<b>Alice Martin</b>"));
        Assert.Equal(1, Count(received.TextBody!, "Account Manager"));
        Assert.False(received.Headers.Contains("X-Envoi-Signature")); // removed before relay, as always
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
