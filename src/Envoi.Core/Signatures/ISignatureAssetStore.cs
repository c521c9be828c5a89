using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Signatures;

/// <summary>Managing the uploaded signature images (templates only read them, through <see cref="ISignatureAssets"/>).</summary>
public interface ISignatureAssetStore : ISignatureAssets
{
    Task<IReadOnlyList<AssetInfo>> ListAsync(CancellationToken ct);

    Task SaveAsync(SignatureAsset asset, CancellationToken ct);

    Task<bool> DeleteAsync(string name, CancellationToken ct);
}

public sealed record AssetInfo(string Name, string ContentType, int Bytes, DateTimeOffset UpdatedAt);
