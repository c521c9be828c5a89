namespace Envoi.Core.Signatures.Model;

/// <summary>
/// A signature ready to go into one message: the HTML and plain-text forms rendered for one
/// sender, and the images the HTML refers to as <c>cid:</c> when the template embeds them.
/// </summary>
public sealed record RenderedSignature(string Name, string Html, string Text, IReadOnlyList<SignatureImage> Images)
{
    public static RenderedSignature FromParts(string name, string html, string text) => new(name, html, text, []);
}

/// <summary>An embedded image: the HTML refers to it as <c>cid:{ContentId}</c>.</summary>
public sealed record SignatureImage(string ContentId, string FileName, string ContentType, byte[] Content);
