namespace Envoi.Core;

/// <summary>
/// Secrets every node must hold the same copy of (the link-signing key, the tracking keys), kept
/// where every node sees them: the database. A link signed by one node is then accepted by all.
/// </summary>
public interface ISharedSecrets
{
    /// <summary>
    /// The secret stored under <paramref name="name"/>. When none is stored yet, stores
    /// <paramref name="candidate"/> first; if several nodes race, the first insert wins and every
    /// node gets that one back.
    /// </summary>
    byte[] GetOrAdd(string name, byte[] candidate);

    /// <summary>Every secret whose name starts with <paramref name="prefix"/>, by name.</summary>
    IReadOnlyDictionary<string, byte[]> List(string prefix);
}
