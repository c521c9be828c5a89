namespace Envoi.Core.Directory.Import;

/// <summary>
/// The attributes something downstream reads (the signature templates), so an import can warn
/// that a value they show is missing, without the directory knowing about templates.
/// </summary>
public interface IAttributesInUse
{
    /// <summary>Attribute names, and for each the templates that read it, in words ("corporate, reply").</summary>
    Task<IReadOnlyDictionary<string, string>> AttributesAsync(CancellationToken ct);
}
