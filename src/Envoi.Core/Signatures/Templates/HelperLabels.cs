namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// The default link texts of the helpers, in the sender's preferred language (English, French,
/// Spanish or German, like the check notices); a template can always pass its own.
/// </summary>
public sealed record HelperLabels(string Booking, string Review, string Teams, string VCard)
{
    private static readonly Dictionary<string, HelperLabels> Languages = new()
    {
        ["en"] = new("Book a meeting", "Leave a review", "Chat on Teams", "Add to contacts"),
        ["fr"] = new("Prendre rendez-vous", "Laisser un avis", "Discuter sur Teams", "Ajouter aux contacts"),
        ["es"] = new("Reservar una cita", "Dejar una opinión", "Chatear en Teams", "Añadir a contactos"),
        ["de"] = new("Termin buchen", "Bewertung abgeben", "Im Teams-Chat schreiben", "Zu Kontakten hinzufügen"),
    };

    public static HelperLabels For(string language) => Languages.GetValueOrDefault(language) ?? Languages["en"];
}
