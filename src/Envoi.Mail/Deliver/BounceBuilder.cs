using Envoi.Core;
using System.Text;
using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Mail.Deliver;

/// <summary>
/// Writes the delivery status notification (RFC 3464) sent to the sender when recipients fail for
/// good or expire: a human explanation, the machine-readable report, and the original headers.
/// It is sent from the null sender so it can never bounce back (RFC 5321 §4.5.5). One bounce covers
/// every recipient of the message that failed in the attempt, never one per recipient; its human
/// part is in the sender's language (<see cref="BounceWords"/>).
/// </summary>
public static class BounceBuilder
{
    public static MimeMessage Build(GatewayIdentity identity, string queueId, string originalSender, MimeMessage original, IReadOnlyList<RecipientResult> failed, DateTimeOffset receivedAt, string? language = null)
    {
        var words = BounceWords.For(language);
        var bounce = new MimeMessage();
        bounce.From.Add(new MailboxAddress("Mail Delivery System", identity.PostmasterAddress));
        bounce.To.Add(MailboxAddress.Parse(originalSender));
        bounce.Subject = string.Format(words.Subject, original.Subject);
        bounce.Headers.Add("Content-Language", words.Code);
        bounce.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        if (!string.IsNullOrEmpty(original.MessageId)) bounce.InReplyTo = original.MessageId;

        var text = new StringBuilder();
        text.AppendLine(string.Format(words.Intro, identity.HostName));
        text.AppendLine();
        text.AppendLine(string.Format(words.CouldNotDeliver, original.Subject, queueId));
        text.AppendLine();
        foreach (var r in failed) text.AppendLine($"  <{r.Address}>: {r.Response}");
        text.AppendLine();
        text.AppendLine(words.Others);

        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList
        {
            { "Reporting-MTA", $"dns; {identity.HostName}" },
            { "X-Envoi-Queue-ID", queueId },
            { "Arrival-Date", MimeKit.Utils.DateUtils.FormatDate(receivedAt) },
        };
        status.StatusGroups.Add(perMessage);
        foreach (var r in failed)
        {
            status.StatusGroups.Add(new HeaderList
            {
                { "Final-Recipient", $"rfc822; {r.Address}" },
                { "Action", "failed" },
                { "Status", EnhancedStatus(r.Response) },
                { "Diagnostic-Code", $"smtp; {r.Response}" },
            });
        }

        var originalHeaders = new MemoryStream();
        original.Headers.WriteTo(WireFormat.Options, originalHeaders);
        originalHeaders.Position = 0;
        var headers = new MimePart("text", "rfc822-headers") { Content = new MimeContent(originalHeaders) };

        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = text.ToString() }, status, headers };
        bounce.Body = report;
        return bounce;
    }

    /// <summary>The x.y.z code from a reply like "550 5.1.1 no such user", else a generic permanent failure.</summary>
    private static string EnhancedStatus(string response)
    {
        foreach (var token in response.Split(' ', 3).Take(2))
            if (token.Length >= 5 && token.Count(c => c == '.') == 2 && token[0] is '4' or '5') return token;
        return response.StartsWith('4') ? "4.0.0" : "5.0.0";
    }
}
