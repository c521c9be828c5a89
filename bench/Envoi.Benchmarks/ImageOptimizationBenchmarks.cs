using BenchmarkDotNet.Attributes;
using Envoi.Core.Green.Images;
using SkiaSharp;

namespace Envoi.Benchmarks;

/// <summary>
/// Green IT: signature images optimized per second, on a sample set made here (oversized noisy PNG
/// logos and JPEG photos, as admins upload them), against the floor of any re-encoding: Skia decoding
/// and encoding the same images at full size, without resizing. Bytes saved are printed at setup.
/// </summary>
[MemoryDiagnoser]
public class ImageOptimizationBenchmarks
{
    private const int Images = 6;
    private readonly ImageOptimizationOptions _options = new();
    private readonly DisplaySize _shown = new(200, null); // a logo shown 200 CSS px wide
    private byte[][] _samples = [];

    [GlobalSetup]
    public void Setup()
    {
        _samples = Enumerable.Range(0, Images).Select(i => i % 2 == 0 ? Sample(1200, 600, SKEncodedImageFormat.Png, i) : Sample(1600, 1000, SKEncodedImageFormat.Jpeg, i)).ToArray();
        var before = _samples.Sum(s => (long)s.Length);
        var after = _samples.Sum(s => (long)ImageOptimizer.Optimize(s, _shown, _options).Bytes);
        Console.WriteLine($"// Sample set: {Images} images, {before:N0} bytes → {after:N0} bytes optimized ({before - after:N0} saved, {100.0 * (before - after) / before:0.0} %)");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Images, Description = "Skia decode + encode, no resize (reference)")]
    public long DecodeAndEncode()
    {
        long bytes = 0;
        foreach (var sample in _samples)
        {
            using var bitmap = SKBitmap.Decode(sample);
            using var pixmap = bitmap.PeekPixels();
            using var data = sample[0] == 0x89
                ? pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
                : pixmap.Encode(new SKJpegEncoderOptions(_options.JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
            bytes += data.Size;
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Images, Description = "ImageOptimizer.Optimize (safe decode, resize, encode)")]
    public long Optimize()
    {
        long bytes = 0;
        foreach (var sample in _samples) bytes += ImageOptimizer.Optimize(sample, _shown, _options).Bytes;
        return bytes;
    }

    private static byte[] Sample(int width, int height, SKEncodedImageFormat format, int seed)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = gradient };
        canvas.DrawRect(0, 0, width, height, paint);
        var random = new Random(seed);
        using var dot = new SKPaint();
        for (var i = 0; i < width * height / 200; i++)
        {
            dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            canvas.DrawCircle(random.Next(width), random.Next(height), 3, dot);
        }
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }
}
