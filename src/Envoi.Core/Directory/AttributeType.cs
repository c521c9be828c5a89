namespace Envoi.Core.Directory;

/// <summary>What kind of value an attribute holds; decides how it is validated and normalized.</summary>
public enum AttributeType
{
    Text,
    Url,
    Phone,
    Email,
    Image,
}

/// <summary>What employees may do with an attribute in their portal.</summary>
public enum AttributeRight
{
    /// <summary>Employees see the value and may override it with their own.</summary>
    Editable,
    /// <summary>Employees see the value but may not change it.</summary>
    ReadOnly,
    /// <summary>Employees do not see it at all (it can still feed signatures and rules).</summary>
    Hidden,
}
