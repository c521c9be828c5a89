namespace Envoi.Core.Directory;

/// <summary>
/// Creating, replacing and deleting employees on behalf of an identity provider (SCIM, LDAP).
/// A provider owns only the attributes it maps (<see cref="ProvisionedUser.Owned"/>): values an
/// admin set for other attributes survive its updates, and employees' overrides are never touched.
/// </summary>
public sealed class DirectoryProvisioning(IDirectoryStore store, AttributeCatalog catalog, IAuditLog audit, TimeProvider clock)
{
    public async Task<ProvisionResult> CreateAsync(string actor, string source, ProvisionedUser user, CancellationToken ct)
    {
        var problems = await ValidateAsync(user, ct);
        if (problems.Count > 0) return ProvisionResult.Invalid(problems);
        if (await store.FindAsync(user.Email, ct) is not null) return ProvisionResult.Conflict($"{user.Email} already exists in the directory.");
        var now = clock.GetUtcNow();
        var values = user.Values.Where(v => v.Value.Length > 0).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (user.UserName is { } userName && await store.FindByUserNameAsync(userName, ct) is not null)
            return ProvisionResult.Conflict($"The user name {userName} is already taken.");
        if (await AliasTakenAsync(user, null, ct) is { } taken) return ProvisionResult.Conflict(taken);
        await store.ApplyAsync([new EmployeeChange(user.Email, Create: true, values, user.Active, source, user.ExternalId, UserName: user.UserName, Aliases: user.Aliases)], now, ct);
        await audit.WriteAsync([new AuditEntry(now, actor, "employee.created", user.Email, $"provisioned by {source}")], ct);
        return ProvisionResult.Ok((await store.FindAsync(user.Email, ct))!);
    }

    public async Task<ProvisionResult> ReplaceAsync(string actor, int id, ProvisionedUser user, CancellationToken ct)
    {
        var existing = await store.FindByIdAsync(id, ct);
        if (existing is null) return ProvisionResult.NotFound($"No employee with id {id}.");
        var problems = await ValidateAsync(user, ct);
        if (problems.Count > 0) return ProvisionResult.Invalid(problems);
        if (user.Email != existing.Email && await store.FindAsync(user.Email, ct) is { } other && other.Id != id)
            return ProvisionResult.Conflict($"{user.Email} already belongs to another employee.");
        if (await AliasTakenAsync(user, id, ct) is { } taken) return ProvisionResult.Conflict(taken);

        var merged = existing.Values.Where(v => !user.Owned.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var (name, value) in user.Values.Where(v => v.Value.Length > 0)) merged[name] = value;
        var now = clock.GetUtcNow();
        await store.ApplyAsync([new EmployeeChange(existing.Email, Create: false, merged, user.Active, existing.Source, user.ExternalId, user.Email, user.UserName ?? "", user.Aliases)], now, ct);
        var changed = merged.Keys.Union(existing.Values.Keys).Where(k => existing[k] != merged.GetValueOrDefault(k)).Order().ToList();
        var details = new List<string>();
        if (changed.Count > 0) details.Add("changed " + string.Join(", ", changed));
        if (existing.Active != user.Active) details.Add(user.Active ? "reactivated" : "deactivated");
        if (existing.Email != user.Email) details.Add($"email {existing.Email} → {user.Email}");
        if (details.Count > 0)
            await audit.WriteAsync([new AuditEntry(now, actor, existing.Active && !user.Active ? "employee.deactivated" : "employee.updated", user.Email, string.Join("; ", details))], ct);
        return ProvisionResult.Ok((await store.FindByIdAsync(id, ct))!);
    }

    public async Task<bool> DeleteAsync(string actor, int id, CancellationToken ct)
    {
        var existing = await store.FindByIdAsync(id, ct);
        if (existing is null || !await store.DeleteAsync(id, ct)) return false;
        await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, "employee.deleted", existing.Email, "deleted by the identity provider")], ct);
        return true;
    }

    private async Task<string?> AliasTakenAsync(ProvisionedUser user, int? self, CancellationToken ct)
    {
        foreach (var alias in user.Aliases ?? [])
            if (await store.FindAsync(alias, ct) is { } owner && owner.Id != self)
                return $"{alias} already belongs to {owner.Email}.";
        return null;
    }

    private async Task<List<string>> ValidateAsync(ProvisionedUser user, CancellationToken ct)
    {
        var problems = new List<string>();
        if (Addresses.AddressSyntax.WhyRefused(user.Email) is { } why) problems.Add($"'{user.Email}' is not an email address ({why}).");
        foreach (var alias in user.Aliases ?? [])
            if (Addresses.AddressSyntax.WhyRefused(alias) is { } aliasWhy) problems.Add($"'{alias}' is not an email address ({aliasWhy}).");
        var attributes = (await catalog.AllAsync(ct)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var (name, value) in user.Values)
        {
            if (!attributes.TryGetValue(name, out var attribute)) { problems.Add($"Unknown attribute '{name}'."); continue; }
            if (AttributeValidator.Validate(attribute, value) is { IsValid: false } invalid) problems.Add(invalid.Error!);
        }
        return problems;
    }
}

/// <param name="Owned">The attributes the provider manages: those absent from <see cref="Values"/> are cleared.</param>
/// <param name="UserName">The provider's login name when it differs from the email (else null).</param>
/// <param name="Aliases">The employee's other addresses (replacing the stored ones).</param>
public sealed record ProvisionedUser(string Email, string? ExternalId, bool Active, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Owned, string? UserName = null, IReadOnlyList<string>? Aliases = null);

public enum ProvisionError { None, Invalid, Conflict, NotFound }

public sealed record ProvisionResult(Employee? Employee, ProvisionError Error, IReadOnlyList<string> Problems)
{
    public static ProvisionResult Ok(Employee employee) => new(employee, ProvisionError.None, []);
    public static ProvisionResult Invalid(IReadOnlyList<string> problems) => new(null, ProvisionError.Invalid, problems);
    public static ProvisionResult Conflict(string problem) => new(null, ProvisionError.Conflict, [problem]);
    public static ProvisionResult NotFound(string problem) => new(null, ProvisionError.NotFound, [problem]);
}
