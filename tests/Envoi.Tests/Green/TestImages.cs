using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Envoi.Tests.Green;

/// <summary>Real images made on the spot: PNG and JPEG drawn with Skia, GIFs written by hand (Skia has no GIF encoder), and hostile files.</summary>
public static class TestImages
{
    /// <summary>A gradient with noise, so the encoders cannot cheat on a flat image.</summary>
    public static SKBitmap Photo(int width, int height, int seed = 1)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var random = new Random(seed);
        using var canvas = new SKCanvas(bitmap);
        using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = gradient };
        canvas.DrawRect(0, 0, width, height, paint);
        using var dot = new SKPaint();
        for (var i = 0; i < width * height / 50; i++)
        {
            dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            canvas.DrawRect(random.Next(width), random.Next(height), 2, 2, dot);
        }
        return bitmap;
    }

    public static byte[] Png(int width, int height, int seed = 1)
    {
        using var bitmap = Photo(width, height, seed);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height, int quality = 100)
    {
        using var bitmap = Photo(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>A JPEG with a comment segment right after SOI: metadata the optimizer must drop.</summary>
    public static byte[] JpegWithComment(int width, int height, string comment)
    {
        var jpeg = Jpeg(width, height);
        var text = Encoding.ASCII.GetBytes(comment);
        var segment = new byte[] { 0xFF, 0xFE, (byte)((text.Length + 2) >> 8), (byte)((text.Length + 2) & 0xFF) }.Concat(text);
        return [.. jpeg.Take(2), .. segment, .. jpeg.Skip(2)];
    }

    /// <summary>A GIF of one or more frames of 4-colour stripes (animated, looping, when there are several).</summary>
    public static byte[] Gif(int width, int height, int frames)
    {
        var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteShort(gif, width); WriteShort(gif, height);
        gif.Write([0xF1, 0, 0]); // global colour table of 4 entries
        gif.Write([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
        if (frames > 1) { gif.Write([0x21, 0xFF, 11]); gif.Write("NETSCAPE2.0"u8); gif.Write([3, 1, 0, 0, 0]); }
        for (var f = 0; f < frames; f++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0]); // 100 ms per frame
            gif.WriteByte(0x2C); WriteShort(gif, 0); WriteShort(gif, 0); WriteShort(gif, width); WriteShort(gif, height); gif.WriteByte(0);
            gif.WriteByte(2); // LZW minimum code size
            var pixels = Enumerable.Range(0, width * height).Select(i => (byte)((i % width / 4 + f) % 4)).ToArray();
            WriteSubBlocks(gif, Lzw(pixels));
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>
    /// LZW without compression: a clear code before every two pixels keeps the codes 3 bits wide,
    /// which every decoder reads the same way.
    /// </summary>
    private static byte[] Lzw(byte[] pixels)
    {
        var output = new List<byte>();
        var (buffer, bits) = (0, 0);
        void Emit(int code)
        {
            buffer |= code << bits; bits += 3;
            while (bits >= 8) { output.Add((byte)(buffer & 0xFF)); buffer >>= 8; bits -= 8; }
        }
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 2 == 0) Emit(4);
            Emit(pixels[i]);
        }
        Emit(5);
        if (bits > 0) output.Add((byte)(buffer & 0xFF));
        return [.. output];
    }

    private static void WriteSubBlocks(Stream stream, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += 255)
        {
            var length = Math.Min(255, data.Length - offset);
            stream.WriteByte((byte)length);
            stream.Write(data, offset, length);
        }
        stream.WriteByte(0);
    }

    private static void WriteShort(Stream stream, int value) { stream.WriteByte((byte)(value & 0xFF)); stream.WriteByte((byte)(value >> 8)); }

    /// <summary>A valid-looking PNG of a few hundred bytes whose header claims <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] PngBomb(int width = 50_000, int height = 50_000)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width); WriteBigEndian(header, 4, height);
        header[8] = 8; header[9] = 2; // 8-bit RGB
        Chunk(png, "IHDR", header);
        var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[100_000]);
        Chunk(png, "IDAT", zlib.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4]; WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4]; WriteBigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24); buffer[offset + 1] = (byte)(value >> 16); buffer[offset + 2] = (byte)(value >> 8); buffer[offset + 3] = (byte)value;
    }

    public static (int Width, int Height, int Frames) Decode(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        Assert.NotNull(codec);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        return (info.Width, info.Height, Math.Max(1, codec.FrameCount)); // Skia counts no frames in a still JPEG
    }
}
