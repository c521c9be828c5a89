using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// How helpers build their output for one form. In the HTML form a helper's result is markup it
/// encoded itself (a Fluid string with encoding off), and an input that is already markup (the
/// result of <c>tel_link</c>, a <c>capture</c>) is kept as it is while plain values are encoded:
/// that is what lets <c>{{ phone | tel_link | labelled: "Tel: " }}</c> work without double
/// encoding. In the text form nothing is ever encoded.
/// </summary>
public static class Markup
{
    /// <summary>
    /// Encodes &lt; &gt; &amp; and quotes but leaves letters of every script alone, so a French or
    /// Greek signature stays readable and light ("Société", not "Soci&amp;#xE9;t&amp;#xE9;").
    /// </summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static TextEncoder EncoderFor(TemplateForm form) => form == TemplateForm.Html ? Html : NullEncoder.Default;

    /// <summary>The value as a piece of output for <paramref name="form"/>.</summary>
    public static string Of(FluidValue value, TemplateForm form)
    {
        var text = value.ToStringValue();
        if (form == TemplateForm.Text || value is StringValue { Encode: false }) return text;
        return Html.Encode(text);
    }

    public static string Text(string text, TemplateForm form) => form == TemplateForm.Html ? Html.Encode(text) : text;

    /// <summary>Output the renderer must not encode again.</summary>
    public static FluidValue Raw(string output) => output.Length == 0 ? StringValue.Empty : new StringValue(output, encode: false);

    /// <summary>
    /// The arguments given by position: Fluid lists named ones (<c>style: "…"</c>) among them too,
    /// and <c>{{ email | mailto_link: style: "…" }}</c> must not take the style for the link text.
    /// </summary>
    public static IReadOnlyList<FluidValue> Positional(FilterArguments arguments)
    {
        // Fluid leaves Names and Values null when there are no arguments of that kind.
        var named = (arguments.Names ?? []).Select(name => arguments[name]).ToHashSet(ReferenceEqualityComparer.Instance);
        return Enumerable.Range(0, arguments.Count).Select(arguments.At).Where(value => !named.Contains(value)).ToList();
    }

    public static bool IsBlank(FluidValue value) => value.IsNil() || string.IsNullOrWhiteSpace(value.ToStringValue());

    /// <summary>An &lt;a&gt; element (HTML) or "label: url" (text); <paramref name="style"/> for clients that ignore inherited link colours.</summary>
    public static string Link(string href, string labelMarkup, string? style, TemplateForm form, string? labelText = null)
    {
        if (form == TemplateForm.Text)
        {
            var label = labelText ?? labelMarkup;
            return label.Length == 0 || label == href ? href : $"{label}: {href}";
        }
        var styleAttribute = string.IsNullOrWhiteSpace(style) ? "" : $" style=\"{Html.Encode(style)}\"";
        return $"<a href=\"{Html.Encode(href)}\"{styleAttribute}>{labelMarkup}</a>";
    }
}
