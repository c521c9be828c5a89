namespace Envoi.Core.Signatures.Model;

/// <summary>
/// A named signature as the admin wrote it: Liquid sources for the HTML and plain-text forms, and
/// whether its Envoi-hosted images are linked (<c>/assets/…</c>) or embedded in each message (CID).
/// </summary>
public sealed record SignatureTemplate(string Name, string Html, string Text, ImageMode Images = ImageMode.Hosted, string? Description = null);

public enum ImageMode
{
    /// <summary>Images stay links to Envoi's <c>/assets/NAME</c>: light messages, but remote images may be blocked.</summary>
    Hosted,
    /// <summary>Images travel inside each message (multipart/related, <c>cid:</c>): always shown, heavier.</summary>
    Embedded,
}
