using Envoi.Core.Green;
using Envoi.Core.Green.Lint;

namespace Envoi.Tests.Green;

public class BrandLintTests
{
    private static readonly GreenOptions Brand = new() { BrandColors = ["#0A3D62", "#fff"], BrandFonts = ["Arial"] };

    [Fact]
    public void Brand_colors_and_fonts_pass_in_any_spelling()
    {
        Assert.Empty(BrandLint.Check("<p style=\"color:#0a3d62;background:rgb(255, 255, 255);font-family:'Arial', sans-serif\">x</p><font face=\"arial\">y</font>", Brand));
    }

    [Fact]
    public void Other_colors_and_fonts_are_warned_about_by_name()
    {
        var issues = BrandLint.Check("<p style=\"color:#ff0000;font-family:Comic Sans MS, Arial\">x</p><a href=\"#top\">top</a>", Brand).ToList();
        Assert.Contains(issues, i => i.Code == "brand-color" && i.Message.Contains("#ff0000") && !i.Message.Contains("#top"));
        Assert.Contains(issues, i => i.Code == "brand-font" && i.Message.Contains("Comic Sans MS"));
    }

    [Fact]
    public void Without_a_palette_nothing_is_linted()
    {
        Assert.Empty(BrandLint.Check("<p style=\"color:#123456;font-family:Papyrus\">x</p>", new GreenOptions()));
    }
}
