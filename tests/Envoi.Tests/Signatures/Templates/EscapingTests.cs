namespace Envoi.Tests.Signatures.Templates;

public sealed class EscapingTests
{
    [Fact]
    public async Task A_script_in_an_attribute_renders_as_text_in_the_html_form()
    {
        var html = await Senders.HtmlAsync("<p>{{ jobTitle }}</p>", Senders.Ana(("jobTitle", "<script>alert(1)</script>")));
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
    }

    [Fact]
    public async Task The_text_form_shows_values_as_they_are()
    {
        var text = await Senders.TextAsync("{{ jobTitle }} & {{ company }}", Senders.Ana(("jobTitle", "<R&D>"), ("company", "Smith & \"Sons\"")));
        Assert.Equal("<R&D> & Smith & \"Sons\"", text);
    }

    [Fact]
    public async Task An_attribute_cannot_break_out_of_an_html_attribute_value()
    {
        var html = await Senders.HtmlAsync("<img src=\"https://cdn.example.com/a.png\" alt=\"{{ displayName }}\">", Senders.Ana(("displayName", "\" onerror=\"alert(1)")));
        Assert.DoesNotContain("onerror=\"", html);
        Assert.Contains("alt=\"&quot; onerror=&quot;alert(1)\"", html);
    }

    [Fact]
    public async Task Accented_letters_stay_readable_in_the_html_form()
    {
        var html = await Senders.HtmlAsync("<b>{{ company }}</b>", Senders.Ana(("company", "Société Générale")));
        Assert.Equal("<b>Société Générale</b>", html);
    }

    [Fact]
    public async Task Helper_markup_is_not_encoded_twice_when_chained()
    {
        var html = await Senders.HtmlAsync("{{ phone | tel_link | labelled: \"Tel & fax: \" }}");
        Assert.Equal("Tel &amp; fax: <a href=\"tel:+33123456789\">+33 1 23 45 67 89</a>", html);
    }
}
