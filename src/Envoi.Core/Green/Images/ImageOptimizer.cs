using SkiaSharp;

namespace Envoi.Core.Green.Images;

/// <summary>
/// Makes a signature image as light as it can be without looking worse: scaled down to the size
/// templates show it times <see cref="ImageOptimizationOptions.PixelDensity"/> (never up),
/// re-encoded in its own format (PNG at the strongest zlib level, JPEG at the configured quality;
/// never WebP, which Outlook does not show), and without metadata (Skia writes none: EXIF, XMP, ICC
/// text chunks and comments go). GIFs are kept as they are: Skia cannot write GIF, and turning an
/// animated GIF into a still PNG would change what recipients see. The result is kept only when it
/// is smaller.
/// </summary>
public static class ImageOptimizer
{
    /// <exception cref="UnsafeImageException">The image is refused (bomb, absurd size, corrupt, truncated).</exception>
    public static OptimizedImage Optimize(byte[] original, DisplaySize shown, ImageOptimizationOptions options)
    {
        var facts = SafeImageDecoder.Inspect(original, options);
        if (facts.ContentType == "image/gif")
            return Unchanged(original, facts, facts.IsAnimated
                ? $"animated GIF ({facts.Frames} frames) kept as it is, still animated"
                : "GIF kept as it is (no GIF encoder; converting would change its format)");

        SKBitmap bitmap;
        try
        {
            (bitmap, facts) = SafeImageDecoder.Decode(original, options);
        }
        catch (UnsafeImageException e) when (e.Message.Contains("EXIF orientation", StringComparison.Ordinal))
        {
            return Unchanged(original, facts, e.Message);
        }
        using (bitmap)
        {
            var (width, height) = TargetSize(facts.Width, facts.Height, shown, options);
            using var scaled = width == facts.Width && height == facts.Height
                ? null
                : bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
            var pixels = scaled ?? bitmap;
            var encoded = Encode(pixels, facts.ContentType, options);
            if (encoded.Length >= original.Length)
                return Unchanged(original, facts, "already optimal: re-encoding would not make it smaller");
            var resized = width != facts.Width ? $"resized {facts.Width}×{facts.Height} → {width}×{height}, " : "";
            return new OptimizedImage(encoded, facts.ContentType, original.Length, facts.Width, facts.Height, width, height, true,
                $"{resized}re-encoded, metadata removed");
        }
    }

    /// <summary>The displayed size times the pixel density, keeping the aspect ratio, never larger than the original.</summary>
    public static (int Width, int Height) TargetSize(int width, int height, DisplaySize shown, ImageOptimizationOptions options)
    {
        double scale;
        if (shown.Width is > 0 and var w) scale = (double)w * options.PixelDensity / width;
        else if (shown.Height is > 0 and var h) scale = (double)h * options.PixelDensity / height;
        else scale = (double)options.MaxDisplayWidth * options.PixelDensity / width;
        if (scale >= 1) return (width, height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static byte[] Encode(SKBitmap bitmap, string contentType, ImageOptimizationOptions options)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = contentType == "image/jpeg"
            ? pixmap.Encode(new SKJpegEncoderOptions(Math.Clamp(options.JpegQuality, 1, 100), SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
        return data?.ToArray() ?? throw new UnsafeImageException("the image could not be re-encoded");
    }

    private static OptimizedImage Unchanged(byte[] original, ImageFacts facts, string note) =>
        new(original, facts.ContentType, original.Length, facts.Width, facts.Height, facts.Width, facts.Height, false, note);
}
