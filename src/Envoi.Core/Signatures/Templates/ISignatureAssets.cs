namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// The images an admin uploaded for signatures (logos, banners, <c>social-linkedin.png</c>…),
/// served publicly at <c>{PublicBaseUrl}/assets/{name}</c> and embedded from here when a template
/// asks for <see cref="ImageMode.Embedded"/>.
/// </summary>
public interface ISignatureAssets
{
    /// <returns>The asset, or null when there is none by that name.</returns>
    Task<SignatureAsset?> FindAsync(string name, CancellationToken ct);
}

public sealed record SignatureAsset(string Name, string ContentType, byte[] Content);
