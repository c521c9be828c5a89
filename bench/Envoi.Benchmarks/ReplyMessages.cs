using System.Text;
using Envoi.Core;
using MimeKit;

namespace Envoi.Benchmarks;

/// <summary>
/// Replies as Outlook writes them (new text, then a long quoted thread, in text/plain and text/html),
/// grown to a target size with quoted history or, for the big ones, an attachment.
/// </summary>
public static class ReplyMessages
{
    public static byte[] Build(int totalBytes, int attachmentBytes = 0)
    {
        var budget = Math.Max(2_000, (totalBytes - attachmentBytes * 4 / 3) / 3); // the HTML is about twice the text
        var text = new StringBuilder("Hi Tom,\n\nThanks for the numbers, they look right to me.\n\nBest,\nJane\n\n")
            .Append("From: Tom <tom@example.com>\nSent: Monday, November 3, 2025 10:00\nTo: Jane\nSubject: figures\n\n");
        var html = new StringBuilder("<html><head><style>p.MsoNormal{margin:0}</style></head><body><div class=WordSection1>")
            .Append("<p class=MsoNormal>Hi Tom,</p><p class=MsoNormal>Thanks for the numbers, they look right to me.</p><p class=MsoNormal>Best,<br>Jane</p>")
            .Append("<div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> Tom<br><b>Sent:</b> Monday<br></div>");
        for (var line = 0; text.Length < budget; line++)
        {
            text.Append("Line ").Append(line).Append(" of the earlier conversation about the quarterly figures and the report.\n");
            html.Append("<p class=MsoNormal><span style='color:#1F497D'>Line ").Append(line).Append(" of the earlier conversation about the quarterly figures and the report.</span></p>\n");
        }
        html.Append("</div></body></html>");

        var body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() };
        if (attachmentBytes > 0)
        {
            var content = new byte[attachmentBytes];
            new Random(1).NextBytes(content);
            body.Attachments.Add("figures.zip", content, new ContentType("application", "zip"));
        }
        var message = new MimeMessage { Subject = "RE: quarterly figures", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("jane@example.com"));
        message.To.Add(MailboxAddress.Parse("tom@example.com"));
        message.InReplyTo = "1@example.com";
        using var stream = new MemoryStream();
        message.WriteTo(WireFormat.Options, stream);
        return stream.ToArray();
    }
}
