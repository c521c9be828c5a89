using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

/// <summary>Signature assets kept in memory; counts lookups so tests can see what the renderer asked for.</summary>
public sealed class DictionaryAssets : ISignatureAssets
{
    private readonly Dictionary<string, SignatureAsset> _assets = new(StringComparer.Ordinal);

    public int Lookups { get; private set; }

    public DictionaryAssets Add(string name, string contentType = "image/png", int size = 100)
    {
        var content = new byte[size];
        new Random(name.GetHashCode()).NextBytes(content);
        _assets[name] = new SignatureAsset(name, contentType, content);
        return this;
    }

    public Task<SignatureAsset?> FindAsync(string name, CancellationToken ct)
    {
        Lookups++;
        return Task.FromResult(_assets.GetValueOrDefault(name));
    }
}
