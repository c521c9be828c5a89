namespace Envoi.Core.Signatures.Placement;

/// <summary>What <see cref="SignatureInjector.Inject"/> did to a message, with a sentence for logs and the CLI.</summary>
public sealed record InjectionResult(InjectionOutcome Outcome, string Explanation);

public enum InjectionOutcome
{
    /// <summary>The signature was added to at least one body part.</summary>
    Inserted,
    /// <summary>The author's new text already carries this signature (or an Envoi marker): nothing changed.</summary>
    AlreadyPresent,
    /// <summary>Signed, encrypted, a report or an auto-reply: its bytes must not change.</summary>
    Protected,
    /// <summary>No text/html or text/plain body to put a signature in (e.g. only attachments).</summary>
    NoTextBody,
}
