namespace Envoi.Core.Directory;

/// <summary>
/// A person in the directory, keyed by email. <see cref="Values"/> are the directory's values
/// (from import, SCIM, LDAP or an admin); employees' own changes live apart as overrides.
/// </summary>
public sealed record Employee(
    int Id,
    string Email,
    bool Active,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Groups,
    string Source,
    DateTimeOffset UpdatedAt,
    string? ExternalId = null,
    DateTimeOffset CreatedAt = default,
    string? UserName = null)
{
    public string? this[string attribute] => Values.TryGetValue(attribute, out var value) ? value : null;
}

/// <summary>An employee's own value for an attribute, with who set it and when.</summary>
public sealed record AttributeOverride(string Attribute, string Value, string SetBy, DateTimeOffset SetAt);
