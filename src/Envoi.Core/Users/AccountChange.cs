namespace Envoi.Core.Users;

/// <summary>What an administrator changes on an account (CLI, API, console); null leaves a field as it is.</summary>
/// <param name="Role">employee, marketing or admin.</param>
/// <param name="Hold">The new undo window in seconds; a value holding null means the organization default.</param>
public sealed record AccountChange(string? Password = null, string? Role = null, Change<int?>? Hold = null, bool? Disabled = null)
{
    public bool IsEmpty => Password is null && Role is null && Hold is null && Disabled is null;

    public bool IsRoleOnly => Role is not null && Password is null && Hold is null && Disabled is null;
}
