using System.Text;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// The message a sender receives when a check warns or holds their message: what was found, and
/// for a held message the links to send it anyway or cancel it. In English, French, Spanish or
/// German, like the findings themselves.
/// </summary>
public static class CheckNotice
{
    private sealed record Words(string HeldSubject, string WarnSubject, string Intro, string NotSent, string Cancel, string Timeout, string Sent, string Cancelled, string SentAnyway);

    private static readonly Dictionary<string, Words> Languages = new()
    {
        ["en"] = new("Held for your confirmation: {0}", "Please check your message: {0}", "Envoi noticed this in your message \"{0}\" (queue id {1}):",
            "It has not been sent. To send it as it is:", "To cancel it:", "Without an answer within {0} h it will be {1}.", "It was sent.", "cancelled", "sent"),
        ["fr"] = new("Message en attente de votre confirmation : {0}", "À vérifier dans votre message : {0}", "Envoi a relevé ceci dans votre message « {0} » (n° {1}) :",
            "Il n'est pas parti. Pour l'envoyer tel quel :", "Pour l'annuler :", "Sans réponse dans {0} h, il sera {1}.", "Il a été envoyé.", "annulé", "envoyé"),
        ["es"] = new("Pendiente de su confirmación: {0}", "Revise su mensaje: {0}", "Envoi ha detectado esto en su mensaje «{0}» (n.º {1}):",
            "No se ha enviado. Para enviarlo tal cual:", "Para cancelarlo:", "Sin respuesta en {0} h, se {1}.", "Se ha enviado.", "cancelará", "enviará"),
        ["de"] = new("Wartet auf Ihre Bestätigung: {0}", "Bitte prüfen Sie Ihre Nachricht: {0}", "Envoi hat in Ihrer Nachricht „{0}“ (Nr. {1}) Folgendes bemerkt:",
            "Sie wurde nicht gesendet. Um sie so zu senden:", "Um sie abzubrechen:", "Ohne Antwort innerhalb von {0} h wird sie {1}.", "Sie wurde gesendet.", "verworfen", "gesendet"),
    };

    public static MimeMessage Build(GatewayIdentity identity, string sender, string queueId, string? subject, CheckVerdict verdict, ConfirmationLinks? links, string? language, TimeSpan timeout, bool sendOnTimeout)
    {
        var words = Languages.GetValueOrDefault((language ?? "en").Split('-', '_')[0].ToLowerInvariant()) ?? Languages["en"];
        var held = links is not null;
        var notice = new MimeMessage();
        notice.From.Add(new MailboxAddress("Envoi", identity.PostmasterAddress));
        notice.To.Add(MailboxAddress.Parse(sender));
        notice.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        notice.Subject = string.Format(held ? words.HeldSubject : words.WarnSubject, subject);

        var text = new StringBuilder();
        text.AppendLine(string.Format(words.Intro, subject, queueId)).AppendLine();
        foreach (var finding in verdict.Findings.Where(f => f.Action >= CheckAction.Warn)) text.AppendLine($"  - {finding.Sentence}");
        text.AppendLine();
        if (held)
        {
            text.AppendLine(words.NotSent).AppendLine("  " + links!.Url(queueId, ConfirmationAction.Confirm));
            text.AppendLine(words.Cancel).AppendLine("  " + links.Url(queueId, ConfirmationAction.Cancel)).AppendLine();
            text.AppendLine(string.Format(words.Timeout, Math.Round(timeout.TotalHours, 1), sendOnTimeout ? words.SentAnyway : words.Cancelled));
        }
        else
        {
            text.AppendLine(words.Sent);
        }
        notice.Body = new TextPart("plain") { Text = text.ToString() };
        return notice;
    }
}
