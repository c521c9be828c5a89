namespace Envoi.Core.Checks;

/// <summary>
/// What each check says to the sender, in English, French, Spanish or German (the sender's
/// preferred language from the directory; English otherwise). Placeholders: {0}, {1}.
/// </summary>
public static class CheckSentences
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        [CheckIds.ForgottenAttachment] = new()
        {
            ["en"] = "Your message says \"{0}\" but has no attachment.",
            ["fr"] = "Votre message annonce « {0} » mais ne contient aucune pièce jointe.",
            ["es"] = "Su mensaje dice «{0}» pero no lleva ningún archivo adjunto.",
            ["de"] = "Ihre Nachricht erwähnt „{0}“, hat aber keinen Anhang.",
        },
        [CheckIds.LookalikeDomain] = new()
        {
            ["en"] = "The recipient domain {0} looks like {1}: check the address.",
            ["fr"] = "Le domaine du destinataire {0} ressemble à {1} : vérifiez l'adresse.",
            ["es"] = "El dominio del destinatario {0} se parece a {1}: revise la dirección.",
            ["de"] = "Die Empfängerdomain {0} ähnelt {1}: bitte prüfen Sie die Adresse.",
        },
        [CheckIds.SensitiveData] = new()
        {
            ["en"] = "Your message contains sensitive data ({0}).",
            ["fr"] = "Votre message contient des données sensibles ({0}).",
            ["es"] = "Su mensaje contiene datos sensibles ({0}).",
            ["de"] = "Ihre Nachricht enthält sensible Daten ({0}).",
        },
        [CheckIds.EmptySubject] = new()
        {
            ["en"] = "Your message has no subject.",
            ["fr"] = "Votre message n'a pas d'objet.",
            ["es"] = "Su mensaje no tiene asunto.",
            ["de"] = "Ihre Nachricht hat keinen Betreff.",
        },
        [CheckIds.ManyRecipients] = new()
        {
            ["en"] = "Your message shows {0} recipients to each other; consider Bcc.",
            ["fr"] = "Votre message montre {0} destinataires les uns aux autres ; pensez au Cci.",
            ["es"] = "Su mensaje muestra {0} destinatarios entre sí; considere usar CCO.",
            ["de"] = "Ihre Nachricht zeigt {0} Empfänger einander; verwenden Sie besser Bcc.",
        },
        [CheckIds.ExternalRecipients] = new()
        {
            ["en"] = "Your message goes outside the organization ({0}).",
            ["fr"] = "Votre message sort de l'organisation ({0}).",
            ["es"] = "Su mensaje sale de la organización ({0}).",
            ["de"] = "Ihre Nachricht geht an Empfänger außerhalb der Organisation ({0}).",
        },
        [CheckIds.MissingSignature] = new()
        {
            ["en"] = "No signature will be added to your message: {0}.",
            ["fr"] = "Aucune signature ne sera ajoutée à votre message : {0}.",
            ["es"] = "No se añadirá ninguna firma a su mensaje: {0}.",
            ["de"] = "Ihrer Nachricht wird keine Signatur hinzugefügt: {0}.",
        },
        [CheckIds.MixedRecipients] = new()
        {
            ["en"] = "Your message goes to colleagues and to outside recipients ({0}) at the same time.",
            ["fr"] = "Votre message s'adresse à la fois à des collègues et à des destinataires externes ({0}).",
            ["es"] = "Su mensaje va a la vez a compañeros y a destinatarios externos ({0}).",
            ["de"] = "Ihre Nachricht geht gleichzeitig an Kollegen und an externe Empfänger ({0}).",
        },
        [CheckIds.FirstTimeRecipient] = new()
        {
            ["en"] = "You have never written to {0}, but often to {1}: is it the right address?",
            ["fr"] = "Vous n'avez jamais écrit à {0}, mais souvent à {1} : est-ce la bonne adresse ?",
            ["es"] = "Nunca ha escrito a {0}, pero sí a menudo a {1}: ¿es la dirección correcta?",
            ["de"] = "Sie haben noch nie an {0} geschrieben, aber oft an {1}: ist die Adresse richtig?",
        },
        [CheckIds.MessageSize] = new()
        {
            ["en"] = "Your message is {0} MB; the limit for this check is {1} MB.",
            ["fr"] = "Votre message fait {0} Mo ; la limite de ce contrôle est {1} Mo.",
            ["es"] = "Su mensaje ocupa {0} MB; el límite de esta comprobación es {1} MB.",
            ["de"] = "Ihre Nachricht ist {0} MB groß; die Grenze dieser Prüfung ist {1} MB.",
        },
    };

    public static string For(string check, string? language, params object[] values)
    {
        var texts = Texts[check];
        var code = (language ?? "en").Split('-', '_')[0].ToLowerInvariant();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.GetValueOrDefault(code) ?? texts["en"], values);
    }
}
