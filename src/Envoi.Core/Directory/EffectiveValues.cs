namespace Envoi.Core.Directory;

/// <summary>
/// Which value counts. An employee's override wins only while the attribute is editable; when the
/// admin revokes the right, the override is ignored but kept, and comes back if the right does.
/// A directory sync never touches overrides.
/// </summary>
public static class EffectiveValues
{
    public static AttributeView View(AttributeDefinition attribute, string? directoryValue, AttributeOverride? @override)
    {
        var overrideApplies = attribute.Right == AttributeRight.Editable && @override is not null;
        var effective = overrideApplies ? @override!.Value : directoryValue ?? "";
        return new AttributeView(attribute, directoryValue ?? "", @override, overrideApplies, effective);
    }

    /// <summary>Every attribute's effective value for one employee (what signatures and rules see).</summary>
    public static IReadOnlyDictionary<string, string> Resolve(
        IEnumerable<AttributeDefinition> attributes, Employee employee, IReadOnlyDictionary<string, AttributeOverride> overrides)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal) { [StandardAttributes.Email] = employee.Email };
        foreach (var attribute in attributes)
        {
            overrides.TryGetValue(attribute.Name, out var @override);
            var view = View(attribute, employee[attribute.Name], @override);
            if (view.Effective.Length > 0) result[attribute.Name] = view.Effective;
        }
        return result;
    }
}

/// <summary>One attribute as seen for one employee: both values, and which one counts.</summary>
public sealed record AttributeView(AttributeDefinition Attribute, string DirectoryValue, AttributeOverride? Override, bool OverrideApplies, string Effective)
{
    /// <summary>Why an employee may not edit it, or null when they may.</summary>
    public string? RefusalReason => Attribute.Right switch
    {
        AttributeRight.Editable => null,
        AttributeRight.ReadOnly => $"{Attribute.Label} comes from the company directory; ask your administrator to change it.",
        _ => $"{Attribute.Label} is managed by your administrator.",
    };
}
