namespace Envoi.Core.Directory;

/// <summary>
/// Reading and changing the directory on behalf of someone: an employee editing their own
/// attributes within the rights the admin granted, or an admin managing values, rights and custom
/// attributes. Every change is validated as a whole (nothing is half-applied) and audited.
/// </summary>
public sealed class DirectoryService(IDirectoryStore store, AttributeCatalog catalog, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The attributes an employee sees in their portal (hidden ones left out), or null when they are not in the directory.</summary>
    public async Task<IReadOnlyList<AttributeView>?> MyAttributesAsync(string email, CancellationToken ct)
    {
        var details = await DetailsAsync(email, ct);
        return details?.Attributes.Where(v => v.Attribute.Right != AttributeRight.Hidden).ToList();
    }

    /// <summary>An employee with every attribute's directory value, override and effective value (admin view).</summary>
    public async Task<EmployeeDetails?> DetailsAsync(string email, CancellationToken ct)
    {
        var employee = await store.FindAsync(email, ct);
        if (employee is null) return null;
        var overrides = await store.OverridesAsync(employee.Id, ct);
        var views = (await catalog.AllAsync(ct))
            .Select(a => EffectiveValues.View(a, employee[a.Name], overrides.GetValueOrDefault(a.Name)))
            .ToList();
        return new EmployeeDetails(employee, views);
    }

    /// <summary>Effective values of an employee (what signatures see), or null when unknown or inactive.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> EffectiveValuesAsync(string address, CancellationToken ct)
    {
        var employee = await store.FindAsync(address, ct);
        if (employee is not { Active: true }) return null;
        return EffectiveValues.Resolve(await catalog.AllAsync(ct), employee, await store.OverridesAsync(employee.Id, ct));
    }

    /// <summary>
    /// An employee sets (or, with an empty value, removes) their own overrides. Every attribute must
    /// be editable and every value valid, or nothing changes.
    /// </summary>
    public async Task<DirectoryResult> UpdateMyAttributesAsync(string email, IReadOnlyDictionary<string, string?> changes, CancellationToken ct)
    {
        var employee = await store.FindAsync(email, ct);
        if (employee is not { Active: true })
            return DirectoryResult.Fail(DirectoryOutcome.NotFound, $"{email} is not an active employee in the company directory.");
        var attributes = (await catalog.AllAsync(ct)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var overrides = await store.OverridesAsync(employee.Id, ct);

        var forbidden = new List<string>();
        var invalid = new List<string>();
        var apply = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, raw) in changes)
        {
            if (!attributes.TryGetValue(name, out var attribute) || attribute.Right == AttributeRight.Hidden)
            {
                invalid.Add($"There is no attribute '{name}' you can edit.");
                continue;
            }
            if (attribute.Right != AttributeRight.Editable)
            {
                forbidden.Add(EffectiveValues.View(attribute, null, null).RefusalReason!);
                continue;
            }
            var checkedValue = AttributeValidator.Validate(attribute, raw);
            if (!checkedValue.IsValid) { invalid.Add(checkedValue.Error!); continue; }
            // An empty value (or the directory's own) means "use the directory value again".
            var value = checkedValue.Value!.Length == 0 || checkedValue.Value == employee[name] ? null : checkedValue.Value;
            if (value != overrides.GetValueOrDefault(name)?.Value) apply[name] = value;
        }
        if (forbidden.Count > 0)
            return DirectoryResult.Fail(DirectoryOutcome.Forbidden, "Some attributes may not be changed; nothing was saved.", [.. forbidden, .. invalid]);
        if (invalid.Count > 0)
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, "Some values are not valid; nothing was saved.", invalid);
        if (apply.Count == 0) return DirectoryResult.Done("Nothing changed.");

        var now = clock.GetUtcNow();
        await store.SetOverridesAsync(employee.Id, apply, email, now, ct);
        await audit.WriteAsync(apply.Select(c => new AuditEntry(now, email, c.Value is null ? "override.removed" : "override.set", employee.Email,
            $"{c.Key}: {Show(overrides.GetValueOrDefault(c.Key)?.Value ?? employee[c.Key])} → {Show(c.Value ?? employee[c.Key])}",
            AuditSnapshot.Of(new Dictionary<string, string?> { [c.Key] = overrides.GetValueOrDefault(c.Key)?.Value }),
            AuditSnapshot.Of(new Dictionary<string, string?> { [c.Key] = c.Value }))).ToList(), ct);
        return DirectoryResult.Done($"Saved {apply.Count} change(s).");
    }

    /// <summary>The admin changes what employees may do with an attribute. Overrides are kept whatever the right.</summary>
    public async Task<DirectoryResult> SetRightAsync(string actor, string name, AttributeRight right, CancellationToken ct)
    {
        var attribute = (await catalog.AllAsync(ct)).FirstOrDefault(a => a.Name == name);
        if (attribute is null) return DirectoryResult.Fail(DirectoryOutcome.NotFound, $"There is no attribute '{name}'.");
        if (attribute.Right == right) return DirectoryResult.Done($"{attribute.Label} is already {Describe(right)}.");
        await store.SaveAttributeAsync(attribute with { Right = right }, ct);
        await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, "attribute.right", name, $"{Describe(attribute.Right)} → {Describe(right)}",
            AuditSnapshot.Of(new { right = attribute.Right }), AuditSnapshot.Of(new { right }))], ct);
        return DirectoryResult.Done($"{attribute.Label} is now {Describe(right)}.");
    }

    /// <summary>The admin defines (or redefines) a custom attribute.</summary>
    public async Task<DirectoryResult> DefineAttributeAsync(string actor, AttributeDefinition attribute, CancellationToken ct)
    {
        if (!AttributeDefinition.IsValidName(attribute.Name))
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, $"'{attribute.Name}' is not a valid attribute name: start with a lower-case letter, then letters and digits only (at most 63).");
        if (attribute.Name == StandardAttributes.Email || StandardAttributes.All.Any(a => a.Name == attribute.Name))
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, $"'{attribute.Name}' is a built-in attribute; only its right can be changed.");
        if (string.IsNullOrWhiteSpace(attribute.Label))
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, "A custom attribute needs a label.");
        if (attribute.Pattern is { } pattern)
        {
            try { _ = new System.Text.RegularExpressions.Regex(pattern); }
            catch (ArgumentException e) { return DirectoryResult.Fail(DirectoryOutcome.Invalid, $"The validation pattern is not a valid regular expression: {e.Message}"); }
        }
        var before = (await catalog.AllAsync(ct)).FirstOrDefault(a => a.Name == attribute.Name);
        await store.SaveAttributeAsync(attribute with { BuiltIn = false }, ct);
        await audit.WriteAsync([new AuditEntry(clock.GetUtcNow(), actor, "attribute.defined", attribute.Name, $"{attribute.Label}, {attribute.Type}, {Describe(attribute.Right)}",
            AuditSnapshot.Of(before), AuditSnapshot.Of(attribute with { BuiltIn = false }))], ct);
        return DirectoryResult.Done($"Attribute {attribute.Name} saved.");
    }

    /// <summary>The admin sets directory values of one employee (creating the employee if needed).</summary>
    public async Task<DirectoryResult> SetDirectoryValuesAsync(string actor, string email, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        if (Addresses.AddressSyntax.WhyRefused(email) is { } why)
            return DirectoryResult.Fail(DirectoryOutcome.Invalid, $"'{email}' is not an email address: {why}.");
        var attributes = (await catalog.AllAsync(ct)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        var existing = await store.FindAsync(email, ct);
        var merged = new Dictionary<string, string>(existing?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, raw) in values)
        {
            if (!attributes.TryGetValue(name, out var attribute)) { problems.Add($"Unknown attribute '{name}'."); continue; }
            var checkedValue = AttributeValidator.Validate(attribute, raw);
            if (!checkedValue.IsValid) { problems.Add(checkedValue.Error!); continue; }
            if (checkedValue.Value!.Length == 0) merged.Remove(name);
            else merged[name] = checkedValue.Value;
        }
        if (problems.Count > 0) return DirectoryResult.Fail(DirectoryOutcome.Invalid, "Some values are not valid; nothing was saved.", problems);
        var now = clock.GetUtcNow();
        await store.ApplyAsync([new EmployeeChange(email.ToLowerInvariant(), existing is null, merged, existing is null ? true : null, existing?.Source ?? "admin")], now, ct);
        await audit.WriteAsync([new AuditEntry(now, actor, existing is null ? "employee.created" : "employee.updated", email.ToLowerInvariant(),
            string.Join("; ", values.Select(v => $"{v.Key}: {Show(existing?[v.Key])} → {Show(v.Value)}")),
            existing is null ? null : AuditSnapshot.Of(new SortedDictionary<string, string>(existing.Values.ToDictionary(), StringComparer.Ordinal)),
            AuditSnapshot.Of(new SortedDictionary<string, string>(merged, StringComparer.Ordinal)))], ct);
        return DirectoryResult.Done(existing is null ? $"Created {email}." : $"Updated {email}.");
    }

    private static string Describe(AttributeRight right) => right switch
    {
        AttributeRight.Editable => "editable by employees",
        AttributeRight.ReadOnly => "read-only for employees",
        _ => "hidden from employees",
    };

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(empty)" : $"\"{value}\"";
}

public sealed record EmployeeDetails(Employee Employee, IReadOnlyList<AttributeView> Attributes);
