namespace Envoi.Core.Checks;

/// <summary>Whom the organization has written to, from relayed mail.</summary>
public interface IMailHistory
{
    /// <summary>Recipient domains, for the look-alike check.</summary>
    Task<IReadOnlyCollection<string>> KnownDomainsAsync(CancellationToken ct);

    /// <summary>The sender's past recipients and how many messages each received.</summary>
    Task<IReadOnlyDictionary<string, int>> ContactsOfAsync(string sender, CancellationToken ct);
}
