namespace Envoi.Core.Addresses;

/// <summary>
/// The organization's own domains, whose recipients are colleagues (for signature rules and campaign
/// targeting). The host fills it from <c>Signatures:InternalDomains</c>, else <c>Checks:InternalDomains</c>;
/// when neither names any, a sender's colleagues are those of the sender's own domain.
/// </summary>
public sealed class OrganizationDomains(IReadOnlyList<string> configured)
{
    public HashSet<string> For(string senderEmail) => configured.Count > 0
        ? configured.Select(d => d.Trim().ToLowerInvariant()).ToHashSet()
        : [AddressSyntax.DomainOf(senderEmail)];
}
