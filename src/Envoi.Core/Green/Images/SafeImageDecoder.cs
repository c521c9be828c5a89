using SkiaSharp;

namespace Envoi.Core.Green.Images;

/// <summary>
/// Decodes untrusted images the careful way: the dimensions come from the header first, and an image
/// that would be too large once decoded (a decompression bomb: a few KB of PNG that claim
/// 50 000 × 50 000 pixels, i.e. 10 GB of RAM) is refused before a single pixel is allocated. A file
/// the codec cannot finish (truncated, corrupt) is refused too rather than kept half grey.
/// </summary>
public static class SafeImageDecoder
{
    /// <summary>Reads the header only.</summary>
    /// <exception cref="UnsafeImageException">Not an image Skia recognizes, or over the limits.</exception>
    public static ImageFacts Inspect(byte[] content, ImageOptimizationOptions limits)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = OpenCodec(data);
        return CheckedFacts(codec, limits);
    }

    /// <summary>Decodes the first frame into a bitmap the caller disposes.</summary>
    /// <exception cref="UnsafeImageException">Over the limits, corrupt or truncated.</exception>
    public static (SKBitmap Bitmap, ImageFacts Facts) Decode(byte[] content, ImageOptimizationOptions limits)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = OpenCodec(data);
        var facts = CheckedFacts(codec, limits);
        if (codec.EncodedOrigin != SKEncodedOrigin.TopLeft)
            // Re-encoding drops the EXIF block, and with it the rotation viewers apply: refusing to
            // touch the file keeps the photo upright.
            throw new UnsafeImageException("the image is rotated by its EXIF orientation; it is kept as it is");
        var info = new SKImageInfo(facts.Width, facts.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return (bitmap, facts);
        bitmap.Dispose();
        throw new UnsafeImageException(result == SKCodecResult.IncompleteInput
            ? "the image is truncated (its data ends before the last pixel row)"
            : $"the image is corrupt and cannot be decoded ({result})");
    }

    private static SKCodec OpenCodec(SKData data)
    {
        var codec = SKCodec.Create(new SKMemoryStream(data), out var result);
        return codec ?? throw new UnsafeImageException(result == SKCodecResult.IncompleteInput
            ? "the image is truncated (its header is incomplete)"
            : "the file is not a decodable PNG, JPEG or GIF image (corrupt or unknown format)");
    }

    private static ImageFacts CheckedFacts(SKCodec codec, ImageOptimizationOptions limits)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
            throw new UnsafeImageException($"the image claims absurd dimensions ({width} × {height})");
        if (width > limits.MaxDimension || height > limits.MaxDimension)
            throw new UnsafeImageException($"the image claims {width} × {height} pixels; signature images are limited to {limits.MaxDimension} pixels a side");
        if ((long)width * height > limits.MaxPixels)
            throw new UnsafeImageException($"the image claims {width} × {height} = {(long)width * height:N0} pixels, more than {limits.MaxPixels:N0}: refused as a possible decompression bomb");
        var type = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Gif => "image/gif",
            var other => throw new UnsafeImageException($"{other} images are not accepted: only PNG, JPEG and GIF show in every mail client"),
        };
        return new ImageFacts(type, width, height, Math.Max(1, codec.FrameCount));
    }
}
