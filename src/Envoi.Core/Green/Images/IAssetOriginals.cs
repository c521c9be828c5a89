using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Green.Images;

/// <summary>
/// The images as they were uploaded, kept beside the optimized copies served at <c>/assets/</c>, so a
/// later optimization (a template now shows the logo larger) starts from the full-quality original
/// and never re-compresses a JPEG twice.
/// </summary>
public interface IAssetOriginals
{
    /// <summary>Saves what is served and, separately, the original it was made from.</summary>
    Task SaveAsync(SignatureAsset served, SignatureAsset original, CancellationToken ct);

    /// <returns>The original, or null when the asset was never optimized (what is served is the original).</returns>
    Task<SignatureAsset?> OriginalAsync(string name, CancellationToken ct);

    /// <summary>Original sizes of the optimized assets, by name.</summary>
    Task<IReadOnlyDictionary<string, int>> OriginalSizesAsync(CancellationToken ct);
}
