using Envoi.Core.Directory;

namespace Envoi.Data.Schema;

public sealed class EmployeeRow
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Where the employee came from (import, scim, ldap, admin): imports only deactivate their own.</summary>
    public required string Source { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>The identity provider's login name when it is not the email (an Entra ID UPN, say).</summary>
    public string? UserName { get; set; }
    /// <summary>Directory values as a JSON object: attributes are open-ended (custom ones), and one row per employee keeps a 100 000-row import fast.</summary>
    public required string ValuesJson { get; set; }
    /// <summary>Lower-cased email and display name, so search is case-insensitive on every database.</summary>
    public required string SearchText { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public List<EmployeeAliasRow> Aliases { get; set; } = [];
}

public sealed class EmployeeAliasRow
{
    public required string Address { get; set; }
    public int EmployeeId { get; set; }
}

public sealed class OverrideRow
{
    public int EmployeeId { get; set; }
    public required string Attribute { get; set; }
    public required string Value { get; set; }
    public required string SetBy { get; set; }
    public long SetAt { get; set; }
}

public sealed class AttributeRow
{
    public required string Name { get; set; }
    public required string Label { get; set; }
    public AttributeType Type { get; set; }
    public AttributeRight Right { get; set; }
    public bool BuiltIn { get; set; }
    public string? Pattern { get; set; }
    public int Order { get; set; }
}

public sealed class GroupRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Source { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>The identity provider's login name when it is not the email (an Entra ID UPN, say).</summary>
    public string? UserName { get; set; }
}

public sealed class GroupMemberRow
{
    public int GroupId { get; set; }
    public int EmployeeId { get; set; }
}

public sealed class AuditRow
{
    public long Id { get; set; }
    public long At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public required string Details { get; set; }
    /// <summary>The changed thing as JSON before the change (null for a creation or an event).</summary>
    public string? Before { get; set; }
    /// <summary>The changed thing as JSON after the change (null for a deletion or an event).</summary>
    public string? After { get; set; }
}
