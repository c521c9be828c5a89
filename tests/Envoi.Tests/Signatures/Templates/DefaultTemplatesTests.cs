using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

public sealed class DefaultTemplatesTests
{
    public static TheoryData<string> Names => new(DefaultTemplates.All.Select(template => template.Name));

    private static SignatureTemplate Named(string name) => DefaultTemplates.All.Single(template => template.Name == name);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Default_templates_pass_the_validator(string name)
    {
        var validator = new TemplateValidator(new SignatureRenderer(new DictionaryAssets()));
        var report = await validator.ValidateAsync(Named(name), [], Senders.Ana(("mobile", "06 12 34 56 78")), CancellationToken.None);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public async Task Corporate_shows_everything_the_sender_has()
    {
        var assets = new DictionaryAssets().Add("logo.png").Add("social-linkedin.png");
        var model = Senders.Ana(("mobile", "06 12 34 56 78"), ("linkedin", "https://linkedin.com/in/ana"), ("bookingUrl", "https://cal.example.com/ana"), ("photoUrl", "https://cdn.example.com/ana.jpg"));
        var rendered = await new SignatureRenderer(assets).RenderAsync(DefaultTemplates.Corporate, model, CancellationToken.None);

        Assert.Contains("href=\"tel:+33612345678\"", rendered.Html);
        Assert.Contains("Head of Sales | Sales", rendered.Html);
        Assert.Contains("src=\"https://cdn.example.com/ana.jpg\"", rendered.Html);
        Assert.Contains("social-linkedin.png", rendered.Html);
        Assert.Contains(">Book a meeting</a>", rendered.Html);
        Assert.Contains("https://envoi.example.com/assets/logo.png", rendered.Html);
        Assert.Contains(">ana.martin@example.com</a>", rendered.Html);
        Assert.Equal(
            "Ana Martin\nHead of Sales | Sales\nExample SA\nT +33 1 23 45 67 89\nM +33 6 12 34 56 78\nE ana.martin@example.com\nLinkedIn: https://linkedin.com/in/ana\nBook a meeting: https://cal.example.com/ana",
            rendered.Text);
    }

    [Fact]
    public async Task Corporate_leaves_nothing_behind_for_a_sparse_sender()
    {
        var model = new SignatureModel("bob@example.com", new Dictionary<string, string> { ["displayName"] = "Bob" }, [], Senders.BaseUrl, "FR");
        var rendered = await new SignatureRenderer(new DictionaryAssets()).RenderAsync(DefaultTemplates.Corporate, model, CancellationToken.None);
        Assert.DoesNotContain(">T<", rendered.Html);
        Assert.DoesNotContain(">M<", rendered.Html);
        Assert.DoesNotContain(" | ", rendered.Html);
        Assert.DoesNotContain("<img src=\"\"", rendered.Html);
        Assert.Equal("Bob\nE bob@example.com", rendered.Text);
    }

    [Fact]
    public async Task Reply_is_one_line()
    {
        var rendered = await new SignatureRenderer(new DictionaryAssets()).RenderAsync(DefaultTemplates.Reply, Senders.Ana(("company", "")), CancellationToken.None);
        Assert.Equal("<div style=\"font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#333333;\"><strong>Ana Martin</strong> | Head of Sales | <a href=\"tel:+33123456789\" style=\"color:#333333;text-decoration:none;\">+33 1 23 45 67 89</a></div>", rendered.Html);
        Assert.Equal("Ana Martin | Head of Sales | +33 1 23 45 67 89", rendered.Text);
    }

    [Fact]
    public async Task Plain_joins_the_phones_it_has()
    {
        var renderer = new SignatureRenderer(new DictionaryAssets());
        var both = await renderer.RenderAsync(DefaultTemplates.Plain, Senders.Ana(("mobile", "06 12 34 56 78")), CancellationToken.None);
        Assert.Equal("-- \nAna Martin\nHead of Sales, Example SA\n+33 1 23 45 67 89 · +33 6 12 34 56 78\nana.martin@example.com", both.Text);
        Assert.Contains("+33 1 23 45 67 89</a> · <a href=\"tel:+33612345678\"", both.Html);

        var none = await renderer.RenderAsync(DefaultTemplates.Plain, Senders.Ana(("phone", "")), CancellationToken.None);
        Assert.Equal("-- \nAna Martin\nHead of Sales, Example SA\nana.martin@example.com", none.Text);
        Assert.DoesNotContain("tel:", none.Html);
        Assert.DoesNotContain(" · ", none.Html);
    }
}
