namespace Envoi.Mail.Scheduling;

/// <summary>
/// This node's name in relaying leases, kept in the data directory so that after a crash the same
/// node recognizes its own abandoned leases and takes them back at once.
/// </summary>
public sealed class NodeIdentity
{
    public NodeIdentity(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "node-id");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            Id = existing;
            return;
        }
        Id = $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(60, Environment.MachineName.Length + 33)];
        File.WriteAllText(path, Id);
    }

    public string Id { get; }
}
