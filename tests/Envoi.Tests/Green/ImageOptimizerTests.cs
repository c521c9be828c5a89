using System.Text;
using Envoi.Core.Green.Images;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;

namespace Envoi.Tests.Green;

public class ImageOptimizerTests
{
    private static readonly ImageOptimizationOptions Options = new();

    [Fact]
    public void An_oversized_png_without_a_displayed_size_is_shrunk_to_twice_the_maximum_width_and_stays_decodable()
    {
        var original = TestImages.Png(3000, 1500);
        var result = ImageOptimizer.Optimize(original, DisplaySize.Unknown, Options);

        Assert.True(result.Changed, result.Note);
        Assert.Equal("image/png", result.ContentType);
        Assert.True(result.Bytes < original.Length * 7 / 10, $"{original.Length} → {result.Bytes}");
        Assert.Equal((1200, 600, 1), TestImages.Decode(result.Content));
        Assert.Equal((1200, 600), (result.Width, result.Height));
    }

    [Fact]
    public void A_jpeg_shown_150_pixels_wide_becomes_300_wide_still_a_jpeg_and_loses_its_metadata()
    {
        var original = TestImages.JpegWithComment(2400, 1600, "secret-camera-serial-12345");
        var result = ImageOptimizer.Optimize(original, new DisplaySize(150, null), Options);

        Assert.True(result.Changed, result.Note);
        Assert.Equal("image/jpeg", result.ContentType);
        Assert.Equal((300, 200, 1), TestImages.Decode(result.Content));
        Assert.True(result.Bytes < original.Length / 10, $"{original.Length} → {result.Bytes}");
        Assert.DoesNotContain("secret-camera-serial", Encoding.ASCII.GetString(result.Content));
    }

    [Fact]
    public void An_image_already_small_enough_is_never_enlarged_and_kept_when_re_encoding_does_not_help()
    {
        var original = TestImages.Jpeg(100, 50, quality: 60);
        var result = ImageOptimizer.Optimize(original, new DisplaySize(200, null), Options);
        Assert.Equal((100, 50), (result.Width, result.Height));
        if (!result.Changed) Assert.Same(original, result.Content);
        Assert.True(result.Bytes <= original.Length);
    }

    [Fact]
    public void Gifs_are_left_as_they_are_and_an_animated_one_stays_animated()
    {
        var still = TestImages.Gif(40, 20, frames: 1);
        var animated = TestImages.Gif(40, 20, frames: 3);
        Assert.Equal((40, 20, 1), TestImages.Decode(still));
        Assert.Equal((40, 20, 3), TestImages.Decode(animated));
        Assert.Equal("image/gif", AssetUpload.Check("a.gif", animated).ContentType);

        var stillResult = ImageOptimizer.Optimize(still, DisplaySize.Unknown, Options);
        var animatedResult = ImageOptimizer.Optimize(animated, new DisplaySize(10, null), Options);
        Assert.False(stillResult.Changed);
        Assert.False(animatedResult.Changed);
        Assert.Equal(animated, animatedResult.Content);
        Assert.Contains("still animated", animatedResult.Note);
        Assert.Equal(3, TestImages.Decode(animatedResult.Content).Frames);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_before_any_pixel_is_allocated()
    {
        var bomb = TestImages.PngBomb();
        Assert.True(bomb.Length < 2_000, $"{bomb.Length} bytes");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = Assert.Throws<UnsafeImageException>(() => ImageOptimizer.Optimize(bomb, DisplaySize.Unknown, Options));
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 50_000_000);
        Assert.Contains("50000 × 50000", e.Message);
    }

    [Fact]
    public void A_bomb_within_the_side_limit_is_refused_by_the_pixel_limit()
    {
        var e = Assert.Throws<UnsafeImageException>(() => SafeImageDecoder.Inspect(TestImages.PngBomb(7_000, 7_000), Options));
        Assert.Contains("decompression bomb", e.Message);
    }

    [Fact]
    public void A_truncated_png_is_refused_with_a_clear_error()
    {
        var png = TestImages.Png(800, 400);
        var truncated = png.AsSpan(0, png.Length * 6 / 10).ToArray();
        var e = Assert.Throws<UnsafeImageException>(() => ImageOptimizer.Optimize(truncated, DisplaySize.Unknown, Options));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_file_with_a_png_signature_and_garbage_after_it_is_refused()
    {
        byte[] garbage = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(new string('x', 200))];
        Assert.Throws<UnsafeImageException>(() => ImageOptimizer.Optimize(garbage, DisplaySize.Unknown, Options));
    }

    [Fact]
    public void A_png_with_corrupt_pixel_data_is_refused_rather_than_kept_half_grey()
    {
        var png = TestImages.Png(400, 200);
        for (var i = png.Length / 3; i < png.Length / 3 + 2_000; i++) png[i] ^= 0x5A;
        var e = Assert.Throws<UnsafeImageException>(() => ImageOptimizer.Optimize(png, DisplaySize.Unknown, Options));
        Assert.Matches("corrupt|truncated", e.Message);
    }

    [Fact]
    public void The_displayed_size_is_read_from_the_templates_img_tags()
    {
        SignatureTemplate T(string html) => new("t", html, "");
        Assert.Equal(new DisplaySize(120, 40), TemplateDisplaySizes.For("logo.png", [T("<img src=\"/assets/logo.png\" width=\"120\" height=\"40\">")]));
        Assert.Equal(new DisplaySize(180, null), TemplateDisplaySizes.For("logo.png", [T("<img src=\"{{ 'logo.png' | asset_url }}\" style=\"width: 180px\">"), T("<img src=\"/assets/logo.png\" width=\"90\">")]));
        Assert.Equal(DisplaySize.Unknown, TemplateDisplaySizes.For("logo.png", [T("<img src=\"/assets/logo.png.old\" width=\"120\">")]));
        Assert.Equal(new DisplaySize(20, 20), TemplateDisplaySizes.For("social-linkedin.png", []));
    }
}
