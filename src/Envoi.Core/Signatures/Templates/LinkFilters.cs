using Fluid;
using Fluid.Values;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Links and URLs. Only absolute http(s) URLs become links; anything else renders nothing.
/// Every link filter takes an optional <c>style: "…"</c> named argument for the &lt;a&gt;.
/// <list type="bullet">
/// <item><c>{{ linkedin | safe_url }}</c> — the URL when it is http(s) (a bare "linkedin.com/in/x" gets https://), else empty. For href and src you write yourself.</item>
/// <item><c>{{ linkedin | link: "LinkedIn" }}</c> — <c>&lt;a href="…"&gt;LinkedIn&lt;/a&gt;</c>; without a label the URL is the text.</item>
/// <item><c>{{ email | mailto_link }}</c> — <c>&lt;a href="mailto:…"&gt;…&lt;/a&gt;</c>.</item>
/// <item><c>{{ 'logo.png' | asset_url }}</c> — <c>{PublicBaseUrl}/assets/logo.png</c>.</item>
/// <item><c>{{ "Book a call" | booking_link }}</c>, <c>review_link</c>, <c>teams_link</c>, <c>vcard_link</c> — the sender's booking, review,
/// Teams chat or vCard link with this text, or nothing when the sender has no such URL. Without a filter
/// (<c>{{ booking_link }}</c>) the text is a default in the sender's language.</item>
/// </list>
/// </summary>
public static class LinkFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("safe_url", (input, _, _) => new(new StringValue(SafeUrl.Web(input.ToStringValue()) ?? "")));
        filters.AddFilter("link", Link);
        filters.AddFilter("mailto_link", MailtoLink);
        filters.AddFilter("asset_url", (input, _, context) =>
            new(Markup.IsBlank(input) ? StringValue.Empty : new StringValue(RenderScope.Of(context).AssetUrl(input.ToStringValue().Trim()))));
        filters.AddFilter("booking_link", (input, arguments, context) => Labelled(input, arguments, context, scope => (scope.Model.Value("bookingUrl"), scope.Labels.Booking)));
        filters.AddFilter("review_link", (input, arguments, context) => Labelled(input, arguments, context, scope => (scope.Model.Value("reviewUrl"), scope.Labels.Review)));
        filters.AddFilter("teams_link", (input, arguments, context) => Labelled(input, arguments, context, scope => (scope.TeamsUrl, scope.Labels.Teams)));
        filters.AddFilter("vcard_link", (input, arguments, context) => Labelled(input, arguments, context, scope => (scope.Model.VCardUrl, scope.Labels.VCard)));
    }

    /// <summary>A link to <paramref name="url"/> with a text label, or empty when the URL is not a safe web URL.</summary>
    public static string WebLink(string? url, string label, string? style, TemplateForm form)
    {
        var href = SafeUrl.Web(url);
        if (href is null) return "";
        return Markup.Link(href, Markup.Text(label, form), style, form, label);
    }

    private static ValueTask<FluidValue> Link(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var form = RenderScope.Of(context).Form;
        var href = SafeUrl.Web(input.ToStringValue());
        if (href is null) return new(StringValue.Empty);
        var positional = Markup.Positional(arguments);
        var label = positional.Count > 0 && !Markup.IsBlank(positional[0]) ? positional[0] : new StringValue(input.ToStringValue().Trim());
        return new(Markup.Raw(Markup.Link(href, Markup.Of(label, form), Style(arguments), form, label.ToStringValue())));
    }

    private static ValueTask<FluidValue> MailtoLink(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var form = RenderScope.Of(context).Form;
        var address = input.ToStringValue().Trim();
        // A mail address has no spaces, quotes or angle brackets; anything else is shown, not linked.
        if (address.Length == 0 || !address.Contains('@') || address.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or ':' or '?'))
            return new(new StringValue(address));
        if (form == TemplateForm.Text) return new(new StringValue(address));
        var positional = Markup.Positional(arguments);
        var label = positional.Count > 0 && !Markup.IsBlank(positional[0]) ? Markup.Of(positional[0], form) : Markup.Html.Encode(address);
        return new(Markup.Raw(Markup.Link("mailto:" + address, label, Style(arguments), form)));
    }

    private static ValueTask<FluidValue> Labelled(FluidValue input, FilterArguments arguments, TemplateContext context, Func<RenderScope, (string? Url, string DefaultLabel)> target)
    {
        var scope = RenderScope.Of(context);
        var (url, defaultLabel) = target(scope);
        var label = Markup.IsBlank(input) ? defaultLabel : input.ToStringValue().Trim();
        return new(Markup.Raw(WebLink(url, label, Style(arguments), scope.Form)));
    }

    private static string? Style(FilterArguments arguments) => arguments.HasNamed("style") ? arguments["style"].ToStringValue() : null;
}
