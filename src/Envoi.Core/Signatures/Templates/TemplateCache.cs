using System.Collections.Concurrent;
using Fluid;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Parses Liquid sources once and keeps them by source text: the gateway renders the same few
/// templates for every message. Bounded, because previews of templates being edited pass through
/// too; when full it simply starts over (re-parsing a template costs well under a millisecond).
/// </summary>
public sealed class TemplateCache
{
    private const int Capacity = 512;

    // Fluid's parser is thread-safe once built, and building its grammar is the expensive part.
    private static readonly FluidParser Parser = new();

    private readonly ConcurrentDictionary<(TemplateForm, string), (ParsedTemplate? Template, LiquidError? Error)> _parsed = new();

    /// <returns>The parsed template, or the syntax error that prevents parsing it.</returns>
    /// <remarks>The text form is parsed with its Liquid-only lines marked (see <see cref="TextFinisher"/>).</remarks>
    public (ParsedTemplate? Template, LiquidError? Error) TryGet(string source, TemplateForm form)
    {
        if (_parsed.TryGetValue((form, source), out var known)) return known;
        var result = Parse(form == TemplateForm.Text ? TextFinisher.MarkLiquidOnlyLines(source) : source);
        if (_parsed.Count >= Capacity) _parsed.Clear();
        _parsed[(form, source)] = result;
        return result;
    }

    /// <exception cref="SignatureTemplateException">The source is not valid Liquid.</exception>
    public ParsedTemplate Get(string source, string templateName, TemplateForm form)
    {
        var (template, error) = TryGet(source, form);
        return template ?? throw new SignatureTemplateException(
            $"The {form.ToString().ToLowerInvariant()} form of the signature '{templateName}' is not valid Liquid: {error}.");
    }

    private static (ParsedTemplate?, LiquidError?) Parse(string source)
    {
        if (!Parser.TryParse(source, out var template, out var error))
            return (null, LiquidError.FromFluid(error ?? "The template could not be parsed."));
        return (new ParsedTemplate(template, TemplateNames.Of(template)), null);
    }
}
