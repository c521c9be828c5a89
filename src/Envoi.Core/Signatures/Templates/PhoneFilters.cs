using Fluid;
using Fluid.Values;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Click-to-call. National numbers are read in the organization's default region.
/// <list type="bullet">
/// <item><c>{{ phone | e164 }}</c> — <c>+33123456789</c>; empty when the number is not valid (it is meant for links).</item>
/// <item><c>{{ phone | phone_format }}</c> — <c>+33 1 23 45 67 89</c>; <c>phone_format: "national"</c> gives <c>01 23 45 67 89</c>; an invalid number stays as typed.</item>
/// <item><c>{{ phone | tel_link }}</c> — <c>&lt;a href="tel:+33123456789"&gt;+33 1 23 45 67 89&lt;/a&gt;</c>; an invalid number stays as typed, without a link. Takes <c>style: "…"</c> for the link.</item>
/// </list>
/// </summary>
public static class PhoneFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("e164", E164);
        filters.AddFilter("phone_format", PhoneFormat);
        filters.AddFilter("tel_link", TelLink);
    }

    private static ValueTask<FluidValue> E164(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var phone = PhoneFormatting.Parse(input.ToStringValue(), RenderScope.Of(context).Model.DefaultRegion);
        return new(phone is null ? StringValue.Empty : new StringValue(phone.E164));
    }

    private static ValueTask<FluidValue> PhoneFormat(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var raw = input.ToStringValue().Trim();
        var phone = PhoneFormatting.Parse(raw, RenderScope.Of(context).Model.DefaultRegion);
        if (phone is null) return new(new StringValue(raw));
        var national = Markup.Positional(arguments).FirstOrDefault()?.ToStringValue().Equals("national", StringComparison.OrdinalIgnoreCase) == true;
        return new(new StringValue(national ? phone.National : phone.International));
    }

    private static ValueTask<FluidValue> TelLink(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var scope = RenderScope.Of(context);
        var raw = input.ToStringValue().Trim();
        if (raw.Length == 0) return new(StringValue.Empty);
        var phone = PhoneFormatting.Parse(raw, scope.Model.DefaultRegion);
        if (phone is null) return new(new StringValue(raw));
        if (scope.Form == TemplateForm.Text) return new(new StringValue(phone.International));
        var style = arguments.HasNamed("style") ? arguments["style"].ToStringValue() : null;
        return new(Markup.Raw(Markup.Link(phone.TelUri, Markup.Html.Encode(phone.International), style, scope.Form)));
    }
}
