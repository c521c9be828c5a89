using Fluid;
using Fluid.Values;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Filters that keep empty attributes from leaving labels and separators behind.
/// <list type="bullet">
/// <item><c>{{ phone | labelled: "Tel: " }}</c> — the label then the value, or nothing when the value is empty; an optional second argument is a suffix (<c>labelled: "(", ")"</c>).</item>
/// <item><c>{{ jobTitle | join_present: " | ", department, company }}</c> — the non-empty values joined by the separator (the first argument).</item>
/// </list>
/// </summary>
public static class TextFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("labelled", Labelled);
        filters.AddFilter("join_present", JoinPresent);
    }

    private static ValueTask<FluidValue> Labelled(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (Markup.IsBlank(input)) return new(StringValue.Empty);
        var form = RenderScope.Of(context).Form;
        var label = Markup.Of(arguments.At(0), form);
        var suffix = arguments.Count > 1 ? Markup.Of(arguments.At(1), form) : "";
        return new(Markup.Raw(label + Markup.Of(input, form) + suffix));
    }

    private static ValueTask<FluidValue> JoinPresent(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var form = RenderScope.Of(context).Form;
        var separator = Markup.Of(arguments.At(0), form);
        var parts = new[] { input }.Concat(Enumerable.Range(1, Math.Max(0, arguments.Count - 1)).Select(arguments.At))
            .Where(value => !Markup.IsBlank(value))
            .Select(value => Markup.Of(value, form).Trim());
        return new(Markup.Raw(string.Join(separator, parts)));
    }
}
