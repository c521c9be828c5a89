using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

public sealed class TemplateValidatorTests
{
    private static Task<TemplateReport> ValidateAsync(string html, string text = "{{ displayName }}", ImageMode images = ImageMode.Hosted, ISignatureAssets? assets = null, SignatureModel? sample = null) =>
        new TemplateValidator(new SignatureRenderer(assets ?? new DictionaryAssets()))
            .ValidateAsync(new SignatureTemplate("test", html, text, images), ["team"], sample ?? Senders.Ana(), CancellationToken.None);

    [Fact]
    public async Task A_clean_template_has_no_issues()
    {
        var report = await ValidateAsync("<table><tr><td><b>{{ displayName }}</b><br>{{ team }} {{ phone | tel_link }}</td></tr></table>");
        Assert.Empty(report.Issues);
        Assert.True(report.IsValid);
        Assert.True(report.HtmlBytes > 0);
    }

    [Fact]
    public async Task A_liquid_syntax_error_has_its_line_and_column()
    {
        var report = await ValidateAsync("<p>\n  {{ displayName }\n</p>");
        var error = Assert.Single(report.Errors);
        Assert.Equal(("liquid-syntax", TemplateForm.Html, 2), (error.Code, error.Form, error.Line));
        Assert.NotNull(error.Column);
        Assert.Contains("'}}' was expected", error.Message);
    }

    [Fact]
    public async Task A_liquid_error_in_the_text_form_is_reported_for_the_text_form()
    {
        var report = await ValidateAsync("<p>{{ displayName }}</p>", "line one\n{% if phone %}\n{{ phone }}");
        var error = Assert.Single(report.Errors);
        Assert.Equal((TemplateForm.Text, "liquid-syntax"), (error.Form, error.Code));
        Assert.Contains("endif", error.Message);
    }

    [Fact]
    public async Task Unknown_variables_are_named_with_their_position_and_a_suggestion()
    {
        var report = await ValidateAsync("<p>{{ displayName }}</p>\n<p>{{ phone | tel_link }} {{ jobTitel | upcase }}</p>");
        var error = Assert.Single(report.Errors);
        Assert.Equal(("unknown-variable", 2, 30), (error.Code, error.Line, error.Column));
        Assert.Contains("'jobTitel'", error.Message);
        Assert.Contains("did you mean 'jobTitle'", error.Message);
    }

    [Fact]
    public async Task Helpers_custom_attributes_and_names_the_template_defines_are_known()
    {
        var report = await ValidateAsync(
            "{% assign sep = ' | ' %}{% capture m %}{{ mobile | tel_link }}{% endcapture %}{% for g in groups %}{{ g }}{{ forloop.index }}{% endfor %}" +
            "{{ email }}{{ team }}{{ m }}{{ sep }}{{ social_icons }}{{ booking_link }}{{ review_link }}{{ teams_link }}{{ teams_url }}{{ vcard_link }}{{ vcard_url }}{{ JOBTITLE }}");
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task Unknown_filters_are_errors()
    {
        var report = await ValidateAsync("<p>{{ phone | tel_lnk }}</p>");
        var error = Assert.Single(report.Errors);
        Assert.Equal(("unknown-filter", 1, 15), (error.Code, error.Line, error.Column));
        Assert.Contains("did you mean 'tel_link'", error.Message);
    }

    [Fact]
    public async Task An_unclosed_element_is_reported_where_it_opens()
    {
        var report = await ValidateAsync("<div>\n  <span style=\"color:red\">{{ displayName }}\n</div>");
        var error = Assert.Single(report.Errors);
        Assert.Equal(("html-mismatched", 3, 1), (error.Code, error.Line, error.Column));
        Assert.Contains("<span> (line 2, column 3) is still open", error.Message);
    }

    [Fact]
    public async Task An_element_never_closed_is_reported()
    {
        var error = Assert.Single((await ValidateAsync("<p>{{ displayName }}</p>\n<div><b>x</b>")).Errors);
        Assert.Equal(("html-unclosed", 2, 1), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public async Task Overlapping_tags_are_one_error()
    {
        var error = Assert.Single((await ValidateAsync("<b><i>{{ displayName }}</b></i>")).Errors);
        Assert.Equal("html-mismatched", error.Code);
    }

    [Fact]
    public async Task A_stray_end_tag_is_reported()
    {
        var error = Assert.Single((await ValidateAsync("<p>{{ displayName }}</p></span>")).Errors);
        Assert.Equal(("html-stray-end-tag", 1, 25), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public async Task Optional_end_tags_and_liquid_inside_tags_are_fine()
    {
        var report = await ValidateAsync("<table><tr><td>{{ displayName | append: '>' }}<td><img src=\"{{ 'logo.png' | asset_url }}\" alt=\"{{ company }}\"></table><p>one<p>two<!-- <div> -->");
        Assert.Empty(report.Errors);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "html-forbidden-element")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "html-forbidden-element")]
    [InlineData("<img src=\"https://example.com/a.png\" onerror=\"alert(1)\">", "html-event-handler")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "html-script-url")]
    public async Task Active_content_is_refused(string html, string code)
    {
        var error = Assert.Single((await ValidateAsync(html)).Errors);
        Assert.Equal((code, 1), (error.Code, error.Line));
    }

    [Fact]
    public async Task A_heavy_signature_gets_weight_warnings()
    {
        var assets = new DictionaryAssets().Add("banner.png", size: 60_000);
        var html = "<div>" + string.Concat(Enumerable.Repeat("<span style=\"color:#333333\">{{ displayName }}</span>", 250)) + "</div><img src=\"/assets/banner.png\" alt=\"\">";
        var report = await ValidateAsync(html, images: ImageMode.Embedded, assets: assets);
        Assert.True(report.IsValid);
        Assert.Equal(60_000, report.ImageBytes);
        Assert.True(report.HtmlBytes > TemplateValidator.HtmlWarningBytes);
        Assert.Equal(["weight-html", "weight-total"], report.Warnings.Select(w => w.Code));
        Assert.Contains("KB", report.Warnings.First().Message);
    }

    [Fact]
    public async Task An_embedded_asset_that_does_not_exist_is_an_error()
    {
        var error = Assert.Single((await ValidateAsync("<img src=\"/assets/logo.png\" alt=\"\">", images: ImageMode.Embedded)).Errors);
        Assert.Equal("render-failed", error.Code);
        Assert.Contains("'logo.png'", error.Message);
    }

    [Fact]
    public async Task An_empty_text_form_is_a_warning()
    {
        var warning = Assert.Single((await ValidateAsync("<p>{{ displayName }}</p>", "")).Warnings);
        Assert.Equal(("text-empty", TemplateForm.Text), (warning.Code, warning.Form));
    }
}
