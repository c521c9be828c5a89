using Envoi.Core.Queue;
using MimeKit;

namespace Envoi.Core.Pipeline;

/// <summary>Everything a stage may read about one released message, and the message it may change.</summary>
public sealed class MessageContext(string queueId, MimeMessage message, string sender, IReadOnlyList<string> recipients, MessageOrigin origin)
{
    public string QueueId { get; } = queueId;
    public MimeMessage Message { get; } = message;
    public string Sender { get; } = sender;
    public IReadOnlyList<string> Recipients { get; } = recipients;
    public MessageOrigin Origin { get; } = origin;

    /// <summary>Why the message must not be modified (signed, encrypted, a report, an auto-reply), or null.</summary>
    public string? ProtectedBecause { get; } = ProtectedMessage.Reason(message, origin);

    public bool IsProtected => ProtectedBecause is not null;

    private readonly Dictionary<Type, object> _notes = [];

    /// <summary>
    /// What an earlier stage did that a later one builds on (the signature stage notes the copy it
    /// signed; the banner and link stages read it), keyed by type so the pipeline needs to know none of them.
    /// </summary>
    public void Note<T>(T note) where T : class => _notes[typeof(T)] = note;

    public T? Noted<T>() where T : class => _notes.TryGetValue(typeof(T), out var note) ? (T)note : null;
}
