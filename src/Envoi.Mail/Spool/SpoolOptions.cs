namespace Envoi.Mail.Spool;

/// <summary>Where message bodies live (<c>Spool:Store</c>, <c>Spool:Directory</c>).</summary>
public sealed class SpoolOptions
{
    /// <summary>
    /// <c>file</c>: one file per message in <see cref="Directory"/> (default <c>DATA/spool</c>);
    /// <c>database</c>: in the <c>message_bodies</c> table, committed with the queue row. Unset: database
    /// on PostgreSQL (any node can then relay any message), file on SQLite.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>
    /// The spool directory for the file store. Point every node at one shared directory (NFS, CephFS)
    /// to keep bodies in files while several nodes share a PostgreSQL database.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// With a shared <see cref="Directory"/>, start-up recovery leaves alone what is younger than this:
    /// another node may be accepting it right now.
    /// </summary>
    public TimeSpan SharedRecoveryGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Below this much free space (on the spool's or the data directory's file system) new mail is refused
    /// with 452 4.3.1 until space returns; stored mail is still relayed. Unset: 1.5 × <c>Smtp:MaxMessageBytes</c>
    /// (53 MB by default), Postfix's rule.
    /// </summary>
    public long? MinFreeMegabytes { get; set; }

    /// <summary>Below this much free space Envoi warns (log, <c>envoi_disk_state</c>, <c>/healthz</c>). Unset: the minimum + 1024 MB.</summary>
    public long? WarnFreeMegabytes { get; set; }

    /// <summary>How often free space is checked while no mail arrives, so warnings and recovery show without traffic.</summary>
    public TimeSpan FreeSpaceCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether bodies go to the database, given the configured store and the database in use.</summary>
    public bool UsesDatabase(bool postgres) => Store?.Trim().ToLowerInvariant() switch
    {
        null or "" => postgres && Directory is null,
        "database" or "db" => true,
        "file" or "files" => false,
        var other => throw new ArgumentException($"Spool:Store is '{other}'; use 'file' or 'database'."),
    };

    public bool IsShared => Directory is not null;
}
