namespace Envoi.Core.Directory;

/// <summary>The attribute definitions in force: the built-in ones (with any stored rights) and the admin's own.</summary>
public sealed class AttributeCatalog(IDirectoryStore store)
{
    public async Task<IReadOnlyList<AttributeDefinition>> AllAsync(CancellationToken ct)
    {
        var stored = (await store.StoredAttributesAsync(ct)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var all = new List<AttributeDefinition>();
        foreach (var builtIn in StandardAttributes.All)
            all.Add(stored.Remove(builtIn.Name, out var saved) ? builtIn with { Right = saved.Right, Label = saved.Label } : builtIn);
        all.AddRange(stored.Values.Where(a => !a.BuiltIn));
        return all.OrderBy(a => a.Order).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }
}
