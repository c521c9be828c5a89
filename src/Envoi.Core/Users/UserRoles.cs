namespace Envoi.Core.Users;

/// <summary>
/// The roles an account can have, named once for the CLI, the API and the console: <c>employee</c>
/// (their own mail and signatures), <c>marketing</c> (also campaigns and statistics), <c>admin</c> (everything).
/// </summary>
public static class UserRoles
{
    public const string Employee = "employee", Marketing = "marketing", Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Employee, Marketing, Admin];

    /// <returns>The role in its canonical spelling, or null when <paramref name="given"/> names none.</returns>
    public static string? Parse(string given) => All.FirstOrDefault(r => r == given.Trim().ToLowerInvariant());

    public static string NotARole(string given) => $"'{given}' is not a role: {string.Join(", ", All.SkipLast(1))} or {All[^1]}.";
}
