using System.Collections.Concurrent;

namespace Envoi.Web.Addin;

/// <summary>The add-in's pages, scripts and stylesheet, embedded in the assembly (<c>Addin/Files/</c>) and served as they are.</summary>
public static class AddinFiles
{
    private static readonly ConcurrentDictionary<string, byte[]?> Read = new(StringComparer.Ordinal);

    /// <returns>The file's bytes and media type, or null when there is no such file.</returns>
    public static (byte[] Bytes, string ContentType)? Find(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        if (type is null) return null;
        var bytes = Read.GetOrAdd(name, n =>
        {
            using var stream = typeof(AddinFiles).Assembly.GetManifestResourceStream("addin/" + n);
            if (stream is null) return null;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        return bytes is null ? null : (bytes, type);
    }
}
