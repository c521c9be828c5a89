namespace Envoi.Core.Users;

/// <summary>Someone allowed to submit mail through Envoi and to see their outbox.</summary>
/// <param name="HoldSeconds">The user's own undo window; null means the organization default.</param>
/// <param name="IsMarketing">May run campaigns and read statistics without being an administrator.</param>
/// <param name="Disabled">May no longer sign in (console, API tokens, SMTP AUTH); the account and its history stay.</param>
public sealed record EnvoiUser(int Id, string Email, bool IsAdmin, int? HoldSeconds, IReadOnlyList<string> Aliases, bool IsMarketing = false, bool Disabled = false)
{
    /// <summary>One of <see cref="UserRoles.All"/>.</summary>
    public string Role => IsAdmin ? UserRoles.Admin : IsMarketing ? UserRoles.Marketing : UserRoles.Employee;

    /// <summary>True when <paramref name="address"/> is this user's address or one of their aliases.</summary>
    public bool Owns(string address) =>
        // Same mailbox whether its domain is written as U-label or A-label (exämple.de, xn--exmple-cua.de).
        Addresses.AddressForms.Same(address, Email) || Aliases.Any(a => Addresses.AddressForms.Same(a, address));
}
