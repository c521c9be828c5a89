namespace Envoi.Tests.Signatures.Templates;

public sealed class EmptyAttributeTests
{
    [Fact]
    public async Task Labelled_shows_the_label_only_with_a_value()
    {
        Assert.Equal("Tel: 01 23 45 67 89", await Senders.TextAsync("{{ phone | labelled: \"Tel: \" }}"));
        Assert.Equal("", await Senders.TextAsync("{{ mobile | labelled: \"Mobile: \" }}"));
        Assert.Equal("(Sales)", await Senders.TextAsync("{{ department | labelled: \"(\", \")\" }}"));
    }

    [Fact]
    public async Task Join_present_leaves_no_separator_for_missing_values()
    {
        Assert.Equal("Head of Sales | Sales | Example SA", await Senders.TextAsync("{{ jobTitle | join_present: \" | \", department, company }}"));
        Assert.Equal("Head of Sales | Example SA", await Senders.TextAsync("{{ jobTitle | join_present: \" | \", department, company }}", Senders.Ana(("department", ""))));
        Assert.Equal("Example SA", await Senders.TextAsync("{{ jobTitle | join_present: \" | \", department, company }}", Senders.Ana(("jobTitle", " "), ("department", ""))));
        Assert.Equal("", await Senders.TextAsync("{{ subsidiary | join_present: \" | \", manager }}"));
    }

    [Fact]
    public async Task Missing_attributes_render_empty()
    {
        Assert.Equal("[]", await Senders.TextAsync("[{{ youtube }}{{ myCustomThing }}]"));
    }

    [Fact]
    public async Task Custom_attributes_are_variables_too()
    {
        Assert.Equal("Team Blue", await Senders.TextAsync("{{ team }}", Senders.Ana(("team", "Team Blue"))));
    }

    [Fact]
    public async Task An_optional_row_naming_an_empty_attribute_disappears_with_its_label()
    {
        const string template = "<table><tr data-envoi-optional=\"mobile\"><td>Mobile:</td><td>{{ mobile | tel_link }}</td></tr><tr data-envoi-optional=\"phone\"><td>Tel:</td><td>{{ phone }}</td></tr></table>";
        var html = await Senders.HtmlAsync(template);
        Assert.DoesNotContain("Mobile", html);
        Assert.Contains("<tr><td>Tel:</td><td>01 23 45 67 89</td></tr>", html);
        Assert.DoesNotContain("data-envoi-optional", html);
    }

    [Fact]
    public async Task An_optional_element_without_names_disappears_when_it_shows_no_letter_digit_or_image()
    {
        var html = await Senders.HtmlAsync("<div>{{ displayName }}</div><span data-envoi-optional> | {{ subsidiary }}</span><div data-envoi-optional>{{ social_icons }}</div>");
        Assert.Equal("<div>Ana Martin</div>", html);
    }

    [Fact]
    public async Task An_optional_element_keeps_an_image()
    {
        var html = await Senders.HtmlAsync("<div data-envoi-optional><img src=\"/assets/logo.png\" alt=\"\"></div>");
        Assert.Equal($"<div><img src=\"{Senders.BaseUrl}/assets/logo.png\" alt=\"\"></div>", html);
    }

    [Fact]
    public async Task Lines_of_the_text_form_that_hold_only_liquid_disappear_when_empty()
    {
        const string template = "{{ displayName }}\n{{ mobile | labelled: \"M \" }}\n{% if subsidiary != blank %}\n{{ subsidiary }}\n{% endif %}\n{{ phone | labelled: \"T \" }}\n\nE {{ email }}\n";
        var text = await Senders.TextAsync(template);
        Assert.Equal("Ana Martin\nT 01 23 45 67 89\n\nE ana.martin@example.com", text);
    }

    [Fact]
    public async Task The_signature_separator_keeps_its_space()
    {
        Assert.Equal("-- \nAna Martin", await Senders.TextAsync("--\n{{ displayName }}"));
    }
}
