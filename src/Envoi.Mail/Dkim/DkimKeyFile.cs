using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Envoi.Mail.Dkim;

/// <summary>
/// A private key in a PEM file (PKCS#8 "PRIVATE KEY", or the older "RSA PRIVATE KEY" that
/// opendkim-genkey writes, so existing keys can be copied in). The algorithm and the public key
/// are derived from the private key, so the file is the only thing to keep.
/// </summary>
public static class DkimKeyFile
{
    public const int DefaultRsaBits = 2048;

    /// <summary>A new private key as PEM text.</summary>
    public static string Generate(DkimSignatureAlgorithm algorithm, int rsaBits = DefaultRsaBits)
    {
        if (algorithm == DkimSignatureAlgorithm.Ed25519Sha256)
        {
            // .NET has no Ed25519; BouncyCastle (which MimeKit signs with) does.
            var generator = new Ed25519KeyPairGenerator();
            generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            var info = PrivateKeyInfoFactory.CreatePrivateKeyInfo(generator.GenerateKeyPair().Private);
            return new string(PemEncoding.Write("PRIVATE KEY", info.GetDerEncoded())) + "\n";
        }
        using var rsa = RSA.Create(rsaBits);
        return rsa.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <exception cref="FormatException">The file holds no RSA or Ed25519 private key.</exception>
    public static DkimKey Read(string path, string domain, string selector)
    {
        object? pem;
        using (var reader = File.OpenText(path))
            pem = new PemReader(reader).ReadObject();
        var key = pem switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter single => single,
            _ => null,
        };
        return key switch
        {
            RsaPrivateCrtKeyParameters rsa => new DkimKey(domain, selector, DkimSignatureAlgorithm.RsaSha256, rsa.Modulus.BitLength,
                Convert.ToBase64String(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent)).GetDerEncoded()),
                rsa, path),
            Ed25519PrivateKeyParameters ed => new DkimKey(domain, selector, DkimSignatureAlgorithm.Ed25519Sha256, null,
                Convert.ToBase64String(ed.GeneratePublicKey().GetEncoded()), ed, path),
            _ => throw new FormatException($"{path} holds no RSA or Ed25519 private key in PEM form"),
        };
    }
}
