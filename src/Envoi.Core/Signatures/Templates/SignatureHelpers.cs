using Fluid;
using Fluid.Values;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// The names a signature template can use besides the sender's attributes, and the Fluid options
/// that define them. Helper variables are set after the attributes, so a custom attribute that
/// happens to share a helper's name is hidden by the helper.
/// </summary>
public static class SignatureHelpers
{
    public static readonly IReadOnlyList<string> Variables =
    [
        "email", "groups", "social_icons", "booking_link", "review_link", "teams_link", "teams_url", "vcard_link", "vcard_url",
    ];

    /// <summary>Shared by every rendering: filters are stateless and read the sender from <see cref="RenderScope"/>.</summary>
    public static readonly TemplateOptions Options = CreateOptions();

    /// <summary>Every filter a template may call: Liquid's standard ones and ours.</summary>
    public static IReadOnlySet<string> Filters { get; } =
        Options.Filters.Select(filter => filter.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static TemplateContext CreateContext(ParsedTemplate template, RenderScope scope)
    {
        var context = new TemplateContext(Options);
        scope.AttachTo(context);
        var model = scope.Model;
        foreach (var attribute in Directory.StandardAttributes.All) context.SetValue(attribute.Name, model.Value(attribute.Name));
        foreach (var (name, value) in model.Attributes) context.SetValue(name, value?.Trim() ?? "");

        context.SetValue("email", model.Email);
        context.SetValue("groups", new ArrayValue(model.Groups.Select(group => (FluidValue)new StringValue(group)).ToArray()));
        context.SetValue("teams_url", scope.TeamsUrl);
        context.SetValue("vcard_url", SafeUrl.Web(model.VCardUrl) ?? "");
        // The link helpers are computed only when the template shows them.
        SetWhenUsed(context, template, "social_icons", () => SocialIcons.Render(scope));
        SetWhenUsed(context, template, "booking_link", () => LinkFilters.WebLink(model.Value("bookingUrl"), scope.Labels.Booking, null, scope.Form));
        SetWhenUsed(context, template, "review_link", () => LinkFilters.WebLink(model.Value("reviewUrl"), scope.Labels.Review, null, scope.Form));
        SetWhenUsed(context, template, "teams_link", () => LinkFilters.WebLink(scope.TeamsUrl, scope.Labels.Teams, null, scope.Form));
        SetWhenUsed(context, template, "vcard_link", () => LinkFilters.WebLink(model.VCardUrl, scope.Labels.VCard, null, scope.Form));
        return context;
    }

    private static void SetWhenUsed(TemplateContext context, ParsedTemplate template, string name, Func<string> output)
    {
        if (template.Names.Uses(name)) context.SetValue(name, Markup.Raw(output()));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            // An admin's template must not be able to stall the gateway ({% for i in (1..1000000000) %}).
            MaxSteps = 100_000,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
        };
        TextFilters.Register(options.Filters);
        PhoneFilters.Register(options.Filters);
        LinkFilters.Register(options.Filters);
        return options;
    }
}
