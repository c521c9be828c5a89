using System.Collections.Concurrent;
using SkiaSharp;

namespace Envoi.Web.Addin;

/// <summary>
/// The add-in's icon (an envelope with a tick on Envoi's blue), drawn at each size Outlook asks
/// for instead of scaling one bitmap, so the 16 px ribbon icon stays crisp. Drawn once per size.
/// </summary>
public static class AddinIcons
{
    public static readonly int[] Sizes = [16, 32, 64, 80, 128];

    private static readonly ConcurrentDictionary<int, byte[]> Drawn = new();

    /// <returns>The PNG bytes, or null for a size the manifest does not use.</returns>
    public static byte[]? Png(int size) => Sizes.Contains(size) ? Drawn.GetOrAdd(size, Draw) : null;

    private static byte[] Draw(int size)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        var s = size / 16f;
        using var fill = new SKPaint { Color = new SKColor(0x1f, 0x4e, 0x79), IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(0, 0, size, size), 3 * s, 3 * s, fill);
        using var line = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 1.2f * s), StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        canvas.DrawRect(new SKRect(2.5f * s, 4 * s, 13.5f * s, 12 * s), line);
        using var flap = new SKPath();
        flap.MoveTo(2.5f * s, 4 * s);
        flap.LineTo(8 * s, 8.5f * s);
        flap.LineTo(13.5f * s, 4 * s);
        canvas.DrawPath(flap, line);
        if (size >= 32)
        {
            // The tick of "checked before it leaves", too fine to read at 16 px.
            using var tick = new SKPaint { Color = new SKColor(0x4c, 0xc3, 0x6a), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.6f * s, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
            using var path = new SKPath();
            path.MoveTo(9.5f * s, 11.5f * s);
            path.LineTo(11.2f * s, 13.2f * s);
            path.LineTo(14.5f * s, 9.5f * s);
            canvas.DrawPath(path, tick);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
