using MimeKit.Cryptography;

namespace Envoi.Mail.Dkim;

/// <summary>
/// The keys in <c>DATA/dkim/DOMAIN/SELECTOR.pem</c>: one private key per file, readable by the
/// owner only (0600), so copying an existing key in is just copying a file.
/// </summary>
public sealed class DkimKeyStore(string dataDirectory)
{
    public string Directory { get; } = Path.Combine(Path.GetFullPath(dataDirectory), "dkim");

    public string PathOf(string domain, string selector) => Path.Combine(Directory, domain.ToLowerInvariant(), selector.ToLowerInvariant() + ".pem");

    public DkimKeyResult Create(string? domain, string? selector, DkimSignatureAlgorithm algorithm, int rsaBits, bool replace)
    {
        if ((DkimNames.WhyInvalidDomain(domain) ?? DkimNames.WhyInvalidSelector(selector)) is { } invalid) return DkimKeyResult.Refused(invalid);
        domain = domain!.ToLowerInvariant();
        selector = selector!.ToLowerInvariant();
        var path = PathOf(domain, selector);
        if (File.Exists(path) && !replace) return Exists(domain, selector, path);

        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(folder);
        else System.IO.Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Written beside the target and renamed, so a reader never sees half a key and --force
        // replaces the old key in one step.
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temporary, options))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(DkimKeyFile.Generate(algorithm, rsaBits));
                writer.Flush();
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            return Exists(domain, selector, path); // created by someone else meanwhile
        }
        finally
        {
            File.Delete(temporary);
        }
        return DkimKeyResult.Created(DkimKeyFile.Read(path, domain, selector));
    }

    /// <summary>Every readable key; files that are not keys are reported in <paramref name="problems"/> and skipped.</summary>
    public IReadOnlyList<DkimKey> List(ICollection<string>? problems = null)
    {
        var keys = new List<DkimKey>();
        if (!System.IO.Directory.Exists(Directory)) return keys;
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
        {
            var domain = Path.GetFileName(folder);
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal))
            {
                var selector = Path.GetFileNameWithoutExtension(file);
                if ((DkimNames.WhyInvalidDomain(domain) ?? DkimNames.WhyInvalidSelector(selector)) is { } why) { problems?.Add($"{file}: {why}"); continue; }
                try
                {
                    keys.Add(DkimKeyFile.Read(file, domain.ToLowerInvariant(), selector.ToLowerInvariant()));
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or Org.BouncyCastle.Security.SecurityUtilityException or Org.BouncyCastle.OpenSsl.PemException)
                {
                    problems?.Add($"{file}: {e.Message}");
                }
            }
        }
        return keys;
    }

    /// <returns>False when there was no such key.</returns>
    public bool Remove(string domain, string selector)
    {
        var path = PathOf(domain, selector);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    private static DkimKeyResult Exists(string domain, string selector, string path) =>
        DkimKeyResult.Refused($"a DKIM key for selector '{selector}' of {domain} already exists ({path}); " +
            "use --force to replace it (mail signed with the new key fails verification until its DNS record is published), " +
            "or choose another selector");
}

/// <summary>The new key, or why none was made.</summary>
public sealed record DkimKeyResult(DkimKey? Key, string? Error)
{
    public static DkimKeyResult Created(DkimKey key) => new(key, null);
    public static DkimKeyResult Refused(string error) => new(null, error);
}
