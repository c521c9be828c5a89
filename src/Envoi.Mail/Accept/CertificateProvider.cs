using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Accept;

/// <summary>
/// The certificate for STARTTLS and implicit TLS: the configured PFX, or a self-signed one created
/// once in the data directory (so clients that pin it on first use keep seeing the same one).
/// </summary>
public sealed class CertificateProvider(SmtpOptions options, string dataDirectory, string hostName, ILogger<CertificateProvider> logger)
{
    private X509Certificate2? _certificate;

    public X509Certificate2 Get() => _certificate ??= Load();

    private X509Certificate2 Load()
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!File.Exists(options.CertificatePath))
                throw new FileNotFoundException($"The TLS certificate {options.CertificatePath} does not exist.");
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }
        var path = Path.Combine(dataDirectory, "smtp-selfsigned.pfx");
        if (File.Exists(path)) return X509CertificateLoader.LoadPkcs12FromFile(path, null);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var pfx = created.Export(X509ContentType.Pfx);
        File.WriteAllBytes(path, pfx);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogWarning("No TLS certificate configured: generated a self-signed one for {Host} in {Path}", hostName, path);
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
