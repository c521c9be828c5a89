namespace Envoi.Core.Signatures;

/// <summary>
/// What may be uploaded as a signature image: PNG, JPEG or GIF (what every mail client shows),
/// recognized by their first bytes rather than by what the uploader claims, up to a size that keeps
/// signatures light.
/// </summary>
public static class AssetUpload
{
    public const int MaxBytes = 1 << 20;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    /// <returns>The content type, or the reason the upload is refused.</returns>
    public static (string? ContentType, string? Problem) Check(string name, ReadOnlySpan<byte> content)
    {
        if (name.Length is 0 or > 128 || name.StartsWith('.') || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return (null, $"'{name}' is not a valid image name (letters, digits, '-', '_' and '.', at most 128 characters)");
        if (content.Length == 0) return (null, "the image is empty");
        if (content.Length > MaxBytes) return (null, $"the image is {content.Length:N0} bytes; signature images are limited to {MaxBytes:N0} bytes");
        if (content.StartsWith(Png)) return ("image/png", null);
        if (content.StartsWith(Jpeg)) return ("image/jpeg", null);
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return ("image/gif", null);
        return (null, "only PNG, JPEG and GIF images are accepted (mail clients do not show the others reliably)");
    }
}
