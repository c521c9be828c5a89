namespace Envoi.Mail.Deliver;

/// <summary>
/// The human part of a bounce in the sender's preferred language (the directory's
/// <c>preferredLanguage</c>, as for the check sentences): English, French, Spanish or German.
/// The machine-readable report stays as RFC 3464 has it.
/// </summary>
internal sealed record BounceWords(string Code, string Subject, string Intro, string CouldNotDeliver, string Others)
{
    private static readonly Dictionary<string, BounceWords> Languages = new()
    {
        ["en"] = new("en", "Undelivered Mail Returned to Sender: {0}", "This is the mail system at {0}.",
            "Your message \"{0}\" (queue id {1}) could not be delivered to:", "The other recipients, if any, are not affected."),
        ["fr"] = new("fr", "Message non distribué retourné à l'expéditeur : {0}", "Ceci est le système de messagerie de {0}.",
            "Votre message « {0} » (n° {1}) n'a pas pu être remis à :", "Les autres destinataires éventuels ne sont pas concernés."),
        ["es"] = new("es", "Correo no entregado devuelto al remitente: {0}", "Este es el sistema de correo de {0}.",
            "Su mensaje «{0}» (n.º {1}) no se ha podido entregar a:", "Los demás destinatarios, si los hay, no se ven afectados."),
        ["de"] = new("de", "Unzustellbare Nachricht an den Absender zurück: {0}", "Dies ist das Mailsystem von {0}.",
            "Ihre Nachricht „{0}“ (Nr. {1}) konnte nicht zugestellt werden an:", "Andere Empfänger, falls vorhanden, sind nicht betroffen."),
    };

    public static BounceWords For(string? language) =>
        Languages.GetValueOrDefault((language ?? "en").Split('-', '_')[0].Trim().ToLowerInvariant()) ?? Languages["en"];
}
