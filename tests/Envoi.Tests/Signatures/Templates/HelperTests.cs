using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

public sealed class HelperTests
{
    [Fact]
    public async Task Social_icons_use_an_icon_asset_when_there_is_one_and_a_text_link_otherwise()
    {
        var assets = new DictionaryAssets().Add("social-linkedin.png");
        var model = Senders.Ana(("linkedin", "https://www.linkedin.com/in/ana"), ("x", "x.com/ana"), ("facebook", ""));
        var html = await Senders.HtmlAsync("{{ social_icons }}", model, assets);
        Assert.Equal(
            "<a href=\"https://www.linkedin.com/in/ana\" style=\"text-decoration:none\"><img src=\"https://envoi.example.com/assets/social-linkedin.png\" alt=\"LinkedIn\" height=\"20\" style=\"border:0;height:20px;display:inline-block\"></a>"
            + " | <a href=\"https://x.com/ana\">X</a>",
            html);
    }

    [Fact]
    public async Task Social_icons_are_looked_up_only_when_the_template_shows_them()
    {
        var assets = new DictionaryAssets();
        await Senders.HtmlAsync("{{ displayName }}", Senders.Ana(("linkedin", "https://www.linkedin.com/in/ana")), assets);
        Assert.Equal(0, assets.Lookups);
    }

    [Fact]
    public async Task Social_icons_in_the_text_form_are_one_line_per_network()
    {
        var text = await Senders.TextAsync("{{ social_icons }}", Senders.Ana(("linkedin", "https://www.linkedin.com/in/ana"), ("youtube", "https://youtube.com/@ana")));
        Assert.Equal("LinkedIn: https://www.linkedin.com/in/ana\nYouTube: https://youtube.com/@ana", text);
    }

    [Fact]
    public async Task Booking_link_has_a_default_label_in_the_senders_language_or_the_templates_own()
    {
        var model = Senders.Ana(("bookingUrl", "https://cal.example.com/ana"));
        Assert.Equal("<a href=\"https://cal.example.com/ana\">Book a meeting</a>", await Senders.HtmlAsync("{{ booking_link }}", model));
        Assert.Equal("<a href=\"https://cal.example.com/ana\">Prendre rendez-vous</a>", await Senders.HtmlAsync("{{ booking_link }}", model with { Attributes = new Dictionary<string, string>(model.Attributes) { ["preferredLanguage"] = "fr-FR" } }));
        Assert.Equal("<a href=\"https://cal.example.com/ana\">Let's talk</a>", await Senders.HtmlAsync("{{ \"Let's talk\" | booking_link }}", model));
        Assert.Equal("Book a meeting: https://cal.example.com/ana", await Senders.TextAsync("{{ booking_link }}", model));
    }

    [Fact]
    public async Task Link_helpers_render_nothing_without_a_url()
    {
        Assert.Equal("", await Senders.HtmlAsync("{{ booking_link }}{{ review_link }}{{ \"Review us\" | review_link }}{{ vcard_link }}", Senders.Ana() with { VCardUrl = null }));
    }

    [Fact]
    public async Task Review_link_comes_from_review_url()
    {
        Assert.Equal("<a href=\"https://g.page/r/example/review\">Leave a review</a>", await Senders.HtmlAsync("{{ review_link }}", Senders.Ana(("reviewUrl", "https://g.page/r/example/review"))));
    }

    [Fact]
    public async Task Teams_link_opens_a_chat_with_the_sender_whose_address_is_url_encoded()
    {
        var model = Senders.Ana() with { Email = "ana+sales@example.com" };
        Assert.Equal("<a href=\"https://teams.microsoft.com/l/chat/0/0?users=ana%2Bsales%40example.com\">Chat on Teams</a>", await Senders.HtmlAsync("{{ teams_link }}", model));
        Assert.Equal("https://teams.microsoft.com/l/chat/0/0?users=ana%2Bsales%40example.com", await Senders.TextAsync("{{ teams_url }}", model));
    }

    [Fact]
    public async Task Vcard_url_and_link()
    {
        Assert.Equal("https://envoi.example.com/vcard/ana", await Senders.TextAsync("{{ vcard_url }}"));
        Assert.Equal("<a href=\"https://envoi.example.com/vcard/ana\">My card</a>", await Senders.HtmlAsync("{{ 'My card' | vcard_link }}"));
        Assert.Equal("<a href=\"https://envoi.example.com/vcard/ana\">Add to contacts</a>", await Senders.HtmlAsync("{{ vcard_link }}"));
    }

    [Fact]
    public async Task Asset_url_points_at_the_public_assets()
    {
        Assert.Equal("https://envoi.example.com/assets/logo.png", await Senders.TextAsync("{{ 'logo.png' | asset_url }}"));
        Assert.Equal("https://envoi.example.com/assets/summer%20banner.png", await Senders.TextAsync("{{ 'summer banner.png' | asset_url }}", Senders.Ana() with { PublicBaseUrl = "https://envoi.example.com/" }));
    }

    [Fact]
    public async Task Link_and_safe_url_accept_bare_hosts_as_https()
    {
        var model = Senders.Ana(("linkedin", "linkedin.com/in/ana"));
        Assert.Equal("<a href=\"https://linkedin.com/in/ana\">LinkedIn</a>", await Senders.HtmlAsync("{{ linkedin | link: \"LinkedIn\" }}", model));
        Assert.Equal("https://linkedin.com/in/ana", await Senders.TextAsync("{{ linkedin | safe_url }}", model));
    }

    [Fact]
    public async Task Mailto_link_links_the_address()
    {
        Assert.Equal("<a href=\"mailto:ana.martin@example.com\">ana.martin@example.com</a>", await Senders.HtmlAsync("{{ email | mailto_link }}"));
    }

    [Fact]
    public async Task A_style_argument_is_never_taken_for_the_link_text()
    {
        Assert.Equal("<a href=\"mailto:ana.martin@example.com\" style=\"color:#333\">ana.martin@example.com</a>", await Senders.HtmlAsync("{{ email | mailto_link: style: \"color:#333\" }}"));
        Assert.Equal("<a href=\"https://x.com/ana\" style=\"color:#333\">https://x.com/ana</a>", await Senders.HtmlAsync("{{ x | link: style: \"color:#333\" }}", Senders.Ana(("x", "https://x.com/ana"))));
        Assert.Equal("<a href=\"https://x.com/ana\" style=\"color:#333\">X</a>", await Senders.HtmlAsync("{{ x | link: \"X\", style: \"color:#333\" }}", Senders.Ana(("x", "https://x.com/ana"))));
        Assert.Equal("01 23 45 67 89", await Senders.TextAsync("{{ phone | phone_format: \"national\" }}"));
    }

    [Fact]
    public async Task Groups_are_a_list()
    {
        Assert.Equal("sales,paris,yes", await Senders.TextAsync("{{ groups | join: \",\" }},{% if groups contains 'sales' %}yes{% endif %}"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public async Task A_script_url_in_an_attribute_never_becomes_a_link(string hostile)
    {
        var model = Senders.Ana(("linkedin", hostile), ("bookingUrl", hostile), ("photoUrl", hostile));
        var html = await Senders.HtmlAsync(
            "<a href=\"{{ linkedin }}\">in</a>|{{ linkedin | link: 'LinkedIn' }}|{{ booking_link }}|{{ social_icons }}|<img src=\"{{ photoUrl }}\" alt=\"me\">|<a href=\"{{ linkedin | safe_url }}\">x</a>",
            model);
        Assert.Equal("<a>in</a>|||||<a>x</a>", html);
    }

    [Fact]
    public async Task Script_elements_and_event_handlers_written_in_a_template_are_removed()
    {
        var html = await Senders.HtmlAsync("<div onclick=\"steal()\">{{ displayName }}<script>steal()</script><iframe src=\"https://evil.example\"></iframe></div>");
        Assert.Equal("<div>Ana Martin</div>", html);
    }

    [Fact]
    public async Task A_template_that_loops_forever_is_stopped_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<SignatureTemplateException>(() => Senders.RenderAsync("{% for i in (1..10000000) %}x{% endfor %}"));
        Assert.Contains("could not be rendered", error.Message);
    }

    [Fact]
    public async Task A_syntax_error_at_render_time_names_the_template_and_the_position()
    {
        var error = await Assert.ThrowsAsync<SignatureTemplateException>(() =>
            new SignatureRenderer(new DictionaryAssets()).RenderAsync(new SignatureTemplate("corporate", "<p>{{ displayName }</p>", ""), Senders.Ana(), CancellationToken.None));
        Assert.Contains("'corporate'", error.Message);
        Assert.Contains("line 1, column", error.Message);
    }
}
