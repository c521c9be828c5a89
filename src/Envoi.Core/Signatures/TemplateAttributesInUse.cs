using Envoi.Core.Directory.Import;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Signatures;

/// <summary>
/// The variables the stored signature templates read (HTML and text forms), from their syntax
/// trees: what an import should warn about when a row leaves one empty. Names that are not
/// attributes (helpers, loop variables) are dropped by the import, which knows the catalog.
/// A template that does not parse reads nothing here; saving it already reported the error.
/// </summary>
public sealed class TemplateAttributesInUse(ISignatureStore store, SignatureRenderer renderer) : IAttributesInUse
{
    public async Task<IReadOnlyDictionary<string, string>> AttributesAsync(CancellationToken ct)
    {
        var readers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in await store.TemplatesAsync(ct))
        {
            foreach (var (source, form) in new[] { (template.Html, TemplateForm.Html), (template.Text, TemplateForm.Text) })
            {
                if (string.IsNullOrEmpty(source) || renderer.Cache.TryGet(source, form).Template is not { } parsed) continue;
                foreach (var name in parsed.Names.Read.Where(n => !parsed.Names.Defined.Contains(n)))
                {
                    if (!readers.TryGetValue(name, out var names)) readers[name] = names = [];
                    if (!names.Contains(template.Name)) names.Add(template.Name);
                }
            }
        }
        return readers.ToDictionary(r => r.Key, r => string.Join(", ", r.Value), StringComparer.OrdinalIgnoreCase);
    }
}
