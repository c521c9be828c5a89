using MimeKit;

namespace Envoi.Core.Checks.Catalog;

/// <summary>
/// "Read it seven times": the author's new text announces an attachment and nothing is attached.
/// The quoted thread and the signature are ignored, and so are images shown inline.
/// </summary>
public sealed class ForgottenAttachmentCheck : ISendSafetyCheck
{
    public const string Id = "forgotten-attachment";
    string ISendSafetyCheck.Id => Id;
    public CheckAction DefaultAction => CheckAction.Hold;
    public string Description => "The new text announces an attachment (English, French, Spanish, German or Italian) and nothing is attached.";

    public IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        ["en"] = "Your message says \"{0}\" but has no attachment.",
        ["fr"] = "Votre message annonce « {0} » mais ne contient aucune pièce jointe.",
        ["es"] = "Su mensaje dice «{0}» pero no lleva ningún archivo adjunto.",
        ["de"] = "Ihre Nachricht erwähnt „{0}“, hat aber keinen Anhang.",
    };

    public ValueTask<IReadOnlyList<CheckHit>> EvaluateAsync(CheckSubject subject, CancellationToken ct) =>
        ValueTask.FromResult(Find(subject.Message, subject.AuthorText) is { } phrase ? CheckHit.One(phrase) : CheckHit.None);

    /// <returns>The phrase that announced the missing attachment, or null when the message is fine.</returns>
    public static string? Find(MimeMessage message) => Find(message, AuthorText.Of(message));

    /// <param name="authorText">The message's <see cref="AuthorText"/>, when the caller already has it.</param>
    public static string? Find(MimeMessage message, string authorText) =>
        Attachments.Count(message) > 0 ? null : AttachmentMention.Find(authorText);
}
