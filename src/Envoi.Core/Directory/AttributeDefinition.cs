using System.Text.RegularExpressions;

namespace Envoi.Core.Directory;

/// <summary>
/// An attribute of employees: a built-in one (job title, phone…) or one the admin defined.
/// <paramref name="Pattern"/> is an optional extra rule (a regular expression the whole value must match).
/// </summary>
public sealed record AttributeDefinition(string Name, string Label, AttributeType Type, AttributeRight Right, bool BuiltIn, string? Pattern = null, int Order = 1000)
{
    /// <summary>Attribute names are identifiers: they appear in CSV headers, templates and SCIM mappings.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    private static Regex NamePattern() => new("^[a-z][A-Za-z0-9]{0,62}$", RegexOptions.CultureInvariant);
}
