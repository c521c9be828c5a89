using Envoi.Core.Directory;

namespace Envoi.Web.Directory;

public sealed record AttributeViewDto(string Name, string Label, string Type, string Right, string DirectoryValue, OverrideDto? Override, string Effective, bool Editable, string? Reason)
{
    public static AttributeViewDto Of(AttributeView v) => new(
        v.Attribute.Name, v.Attribute.Label, Wire(v.Attribute.Type), Wire(v.Attribute.Right), v.DirectoryValue,
        v.Override is null ? null : new OverrideDto(v.Override.Value, v.Override.SetBy, v.Override.SetAt, v.OverrideApplies),
        v.Effective, v.Attribute.Right == AttributeRight.Editable, v.RefusalReason);

    internal static string Wire<T>(T value) where T : Enum => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];
}

/// <param name="Applies">False when the attribute is no longer editable: the override is kept but not used.</param>
public sealed record OverrideDto(string Value, string SetBy, DateTimeOffset SetAt, bool Applies);

public sealed record AttributeDefinitionDto(string Name, string Label, string Type, string Right, bool BuiltIn, string? Pattern)
{
    public static AttributeDefinitionDto Of(AttributeDefinition a) => new(a.Name, a.Label, AttributeViewDto.Wire(a.Type), AttributeViewDto.Wire(a.Right), a.BuiltIn, a.Pattern);
}

public sealed record EmployeeDto(string Email, bool Active, string Source, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Aliases, IReadOnlyList<string> Groups, DateTimeOffset UpdatedAt)
{
    public static EmployeeDto Of(Employee e) => new(e.Email, e.Active, e.Source, e.Values, e.Aliases, e.Groups, e.UpdatedAt);
}

public sealed record EmployeeDetailsDto(EmployeeDto Employee, IReadOnlyList<AttributeViewDto> Attributes);

public sealed record DirectoryResultDto(string Message, IReadOnlyList<string> Problems);

public sealed record RightRequest(string? Right);

public sealed record AttributeRequest(string? Name, string? Label, string? Type, string? Right, string? Pattern);
