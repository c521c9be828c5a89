namespace Envoi.Core.Green.Images;

/// <summary>How uploaded signature images are optimized and which images are refused before decoding.</summary>
public sealed class ImageOptimizationOptions
{
    /// <summary>Optimize images when they are uploaded (the original is kept beside the optimized copy).</summary>
    public bool OptimizeOnUpload { get; set; } = true;

    /// <summary>
    /// Displayed width (CSS pixels) assumed when no template gives the image a <c>width</c> (or
    /// <c>height</c>) attribute: 600 is the classic width of an email's content column, so no
    /// signature image is ever shown wider.
    /// </summary>
    public int MaxDisplayWidth { get; set; } = 600;

    /// <summary>Stored pixels per displayed pixel: 2 keeps images sharp on high-DPI (Retina) screens.</summary>
    public int PixelDensity { get; set; } = 2;

    /// <summary>JPEG quality (1–100) of re-encoded photos; 82 is visually lossless for logos and portraits at signature sizes.</summary>
    public int JpegQuality { get; set; } = 82;

    /// <summary>Refused above this many pixels (read from the header, before decoding): a decompression bomb costs 4 bytes per pixel once decoded.</summary>
    public long MaxPixels { get; set; } = 25_000_000;

    /// <summary>Refused when either side is longer: no signature image needs more.</summary>
    public int MaxDimension { get; set; } = 8_000;
}
