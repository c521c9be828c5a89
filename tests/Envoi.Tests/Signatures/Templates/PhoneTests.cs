using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

public sealed class PhoneTests
{
    [Theory]
    [InlineData("01 23 45 67 89", "FR", "+33123456789", "+33 1 23 45 67 89")]
    [InlineData("06.12.34.56.78", "FR", "+33612345678", "+33 6 12 34 56 78")]
    [InlineData("(212) 736-5000", "US", "+12127365000", "+1 212-736-5000")]
    [InlineData("030 12345678", "DE", "+493012345678", "+49 30 12345678")]
    [InlineData("+44 20 7946 0958", "FR", "+442079460958", "+44 20 7946 0958")]
    [InlineData("0049 30 12345678", "FR", "+493012345678", "+49 30 12345678")]
    [InlineData("+33 (0)1 23 45 67 89", "US", "+33123456789", "+33 1 23 45 67 89")]
    public void Numbers_are_read_in_the_default_region_and_written_in_E164(string raw, string region, string e164, string international)
    {
        var phone = PhoneFormatting.Parse(raw, region);
        Assert.NotNull(phone);
        Assert.Equal(e164, phone.E164);
        Assert.Equal(international, phone.International);
    }

    [Theory]
    [InlineData("call reception")]
    [InlineData("123")]
    [InlineData("")]
    [InlineData("+33 1 23")]
    public void Garbage_is_not_a_phone_number(string raw) => Assert.Null(PhoneFormatting.Parse(raw, "FR"));

    [Fact]
    public async Task E164_filter_gives_the_number_or_nothing()
    {
        Assert.Equal("+33123456789", await Senders.TextAsync("{{ phone | e164 }}"));
        Assert.Equal("", await Senders.TextAsync("{{ phone | e164 }}", Senders.Ana(("phone", "ask Ana"))));
    }

    [Fact]
    public async Task Tel_link_links_to_E164_and_shows_the_international_form()
    {
        Assert.Equal("<a href=\"tel:+33123456789\">+33 1 23 45 67 89</a>", await Senders.HtmlAsync("{{ phone | tel_link }}"));
    }

    [Fact]
    public async Task Tel_link_takes_a_style()
    {
        Assert.Equal("<a href=\"tel:+33123456789\" style=\"color:#333;text-decoration:none\">+33 1 23 45 67 89</a>",
            await Senders.HtmlAsync("{{ phone | tel_link: style: \"color:#333;text-decoration:none\" }}"));
    }

    [Fact]
    public async Task An_invalid_number_is_shown_escaped_without_a_link()
    {
        var html = await Senders.HtmlAsync("{{ phone | tel_link }}", Senders.Ana(("phone", "<ask> Ana")));
        Assert.Equal("&lt;ask&gt; Ana", html);
    }

    [Fact]
    public async Task The_text_form_of_tel_link_is_the_international_number()
    {
        Assert.Equal("+33 1 23 45 67 89", await Senders.TextAsync("{{ phone | tel_link }}"));
    }

    [Fact]
    public async Task Phone_format_gives_international_or_national_forms()
    {
        Assert.Equal("+33 1 23 45 67 89 / 01 23 45 67 89", await Senders.TextAsync("{{ phone | phone_format }} / {{ phone | phone_format: \"national\" }}"));
        Assert.Equal("ask Ana", await Senders.TextAsync("{{ phone | phone_format }}", Senders.Ana(("phone", "ask Ana"))));
    }
}
