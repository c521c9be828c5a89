using System.Text;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// The message a sender receives when a check warns or holds their message: what was found, and
/// for a held message the links to send it anyway or cancel it.
/// </summary>
public static class CheckNotice
{
    public static MimeMessage Build(GatewayIdentity identity, string sender, string queueId, string? subject, CheckVerdict verdict, ConfirmationLinks? links, string? language, TimeSpan timeout, bool sendOnTimeout)
    {
        var french = (language ?? "").StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        var held = links is not null;
        var notice = new MimeMessage();
        notice.From.Add(new MailboxAddress("Envoi", identity.PostmasterAddress));
        notice.To.Add(MailboxAddress.Parse(sender));
        notice.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        notice.Subject = (held, french) switch
        {
            (true, true) => $"Message en attente de votre confirmation : {subject}",
            (true, false) => $"Held for your confirmation: {subject}",
            (false, true) => $"À vérifier dans votre message : {subject}",
            _ => $"Please check your message: {subject}",
        };
        var text = new StringBuilder();
        text.AppendLine(french
            ? $"Envoi a relevé ceci dans votre message « {subject} » (n° {queueId}) :"
            : $"Envoi noticed this in your message \"{subject}\" (queue id {queueId}):");
        text.AppendLine();
        foreach (var finding in verdict.Findings.Where(f => f.Action >= CheckAction.Warn)) text.AppendLine($"  - {finding.Sentence}");
        text.AppendLine();
        if (held)
        {
            var hours = Math.Round(timeout.TotalHours, 1);
            text.AppendLine(french ? "Il n'est pas parti. Pour l'envoyer tel quel :" : "It has not been sent. To send it as it is:");
            text.AppendLine("  " + links!.Url(queueId, ConfirmationAction.Confirm));
            text.AppendLine(french ? "Pour l'annuler :" : "To cancel it:");
            text.AppendLine("  " + links.Url(queueId, ConfirmationAction.Cancel));
            text.AppendLine();
            text.AppendLine(french
                ? $"Sans réponse dans {hours} h, il sera {(sendOnTimeout ? "envoyé" : "annulé")}."
                : $"Without an answer within {hours} h it will be {(sendOnTimeout ? "sent" : "cancelled")}.");
        }
        else
        {
            text.AppendLine(french ? "Il a été envoyé." : "It was sent.");
        }
        notice.Body = new TextPart("plain") { Text = text.ToString() };
        return notice;
    }
}
