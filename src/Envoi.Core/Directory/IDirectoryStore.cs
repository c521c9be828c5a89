namespace Envoi.Core.Directory;

/// <summary>The directory's storage: employees, their overrides, attribute definitions and groups.</summary>
public interface IDirectoryStore
{
    /// <summary>Admin-defined attributes and the stored rights of built-in ones (built-ins not yet touched are absent).</summary>
    Task<IReadOnlyList<AttributeDefinition>> StoredAttributesAsync(CancellationToken ct);

    Task SaveAttributeAsync(AttributeDefinition attribute, CancellationToken ct);

    /// <summary>By primary address or alias, case-insensitive.</summary>
    Task<Employee?> FindAsync(string address, CancellationToken ct);

    /// <param name="query">Matches email or display name (contains, case-insensitive); null for all.</param>
    Task<(IReadOnlyList<Employee> Page, int Total)> SearchAsync(string? query, int skip, int take, CancellationToken ct);

    Task<IReadOnlyDictionary<string, AttributeOverride>> OverridesAsync(int employeeId, CancellationToken ct);

    /// <summary>Sets (value) or removes (null) overrides of one employee in one transaction.</summary>
    Task SetOverridesAsync(int employeeId, IReadOnlyDictionary<string, string?> changes, string setBy, DateTimeOffset at, CancellationToken ct);

    Task<Employee?> FindByIdAsync(int id, CancellationToken ct);

    Task<Employee?> FindByExternalIdAsync(string externalId, CancellationToken ct);

    /// <summary>By the identity provider's login name, else by email.</summary>
    Task<Employee?> FindByUserNameAsync(string userName, CancellationToken ct);

    /// <summary>Removes an employee for good (SCIM DELETE): overrides and group memberships go with it.</summary>
    Task<bool> DeleteAsync(int id, CancellationToken ct);

    Task<IReadOnlyList<DirectoryGroup>> GroupsAsync(string? name, CancellationToken ct);

    Task<DirectoryGroup?> FindGroupAsync(int id, CancellationToken ct);

    /// <returns>The new group, or null when the name is taken.</returns>
    Task<DirectoryGroup?> CreateGroupAsync(string name, string source, string? externalId, CancellationToken ct);

    Task<bool> RenameGroupAsync(int id, string name, CancellationToken ct);

    Task<bool> DeleteGroupAsync(int id, CancellationToken ct);

    /// <summary>Adds and removes members (employee ids) of a group in one transaction; unknown ids are ignored.</summary>
    Task ChangeMembersAsync(int groupId, IReadOnlyCollection<int> add, IReadOnlyCollection<int> remove, bool replaceAll, CancellationToken ct);

    /// <summary>Every employee's directory state, for computing an import plan.</summary>
    Task<IReadOnlyDictionary<string, StoredEmployee>> SnapshotAsync(CancellationToken ct);

    /// <summary>Applies a batch of creations, updates and deactivations in one transaction.</summary>
    Task ApplyAsync(IReadOnlyList<EmployeeChange> changes, DateTimeOffset at, CancellationToken ct);
}

/// <summary>What an import compares against: the directory values as stored.</summary>
public sealed record StoredEmployee(int Id, string Email, bool Active, string Source, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Aliases);

/// <summary>One employee's change. <see cref="Values"/> replaces the stored values when given; <see cref="Active"/> sets the flag when given.</summary>
/// <param name="UserName">The provider's login name; empty clears it, null leaves it.</param>
/// <param name="Aliases">Other addresses of the employee (replacing the stored ones); null leaves them.</param>
public sealed record EmployeeChange(string Email, bool Create, IReadOnlyDictionary<string, string>? Values, bool? Active, string Source, string? ExternalId = null, string? NewEmail = null, string? UserName = null, IReadOnlyList<string>? Aliases = null);

/// <summary>A group of employees (static, or synced from SCIM or LDAP), usable by rules and campaign targeting.</summary>
public sealed record DirectoryGroup(int Id, string Name, string Source, string? ExternalId, IReadOnlyList<GroupMember> Members);

public sealed record GroupMember(int EmployeeId, string Email);
