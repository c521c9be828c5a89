using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Envoi.Mail.Dkim;

/// <summary>One signing key: which domain and selector it signs for, and the record that publishes it.</summary>
public sealed class DkimKey(string domain, string selector, DkimSignatureAlgorithm algorithm, int? bits, string publicKeyBase64, AsymmetricKeyParameter privateKey, string path)
{
    public string Domain { get; } = domain;
    public string Selector { get; } = selector;
    public DkimSignatureAlgorithm Algorithm { get; } = algorithm;
    /// <summary>RSA modulus size; null for Ed25519, whose keys all have the same strength.</summary>
    public int? Bits { get; } = bits;
    /// <summary>The <c>p=</c> value: SubjectPublicKeyInfo for RSA, the raw 32-byte key for Ed25519 (RFC 8463 §4.2).</summary>
    public string PublicKeyBase64 { get; } = publicKeyBase64;
    public string Path { get; } = path;

    /// <summary>The <c>k=</c> value of the DNS record.</summary>
    public string KeyType => Algorithm == DkimSignatureAlgorithm.Ed25519Sha256 ? "ed25519" : "rsa";

    public string Description => Bits is { } b ? $"{KeyType}-{b}" : KeyType;

    public string TxtRecord => DkimTxtRecord.Format(Domain, Selector, KeyType, PublicKeyBase64);

    // A new signer per message: it is cheap, and MimeKit's signer is not documented as thread-safe
    // while deliveries run in parallel.
    public DkimSigner CreateSigner() => new(privateKey, Domain, Selector, Algorithm)
    {
        HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
    };
}
