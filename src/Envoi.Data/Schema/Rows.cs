using Envoi.Core.Outbox;
using Envoi.Core.Queue;

namespace Envoi.Data.Schema;

// Database rows. Times are Unix milliseconds (long): SQLite cannot compare DateTimeOffset in SQL,
// and one representation for both providers keeps the queue queries identical.

public sealed class UserRow
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public bool IsAdmin { get; set; }
    public bool IsMarketing { get; set; }
    public int? HoldSeconds { get; set; }
    public bool Disabled { get; set; }
    public long CreatedAt { get; set; }
    public List<AliasRow> Aliases { get; set; } = [];
}

public sealed class AliasRow
{
    public required string Address { get; set; }
    public int UserId { get; set; }
}

public sealed class ApiTokenRow
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public long CreatedAt { get; set; }
}

public sealed class ServiceTokenRow
{
    public int Id { get; set; }
    public required string Purpose { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public long CreatedAt { get; set; }
}

public sealed class MessageRow
{
    public required string Id { get; set; }
    /// <summary>Envelope sender; empty for the null sender.</summary>
    public required string Sender { get; set; }
    public int? UserId { get; set; }
    public string? Subject { get; set; }
    public MessageStatus Status { get; set; }
    public MessageOrigin Origin { get; set; }
    public long ReceivedAt { get; set; }
    public long ReleaseAt { get; set; }
    public long ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public long SizeBytes { get; set; }
    public string ClientAddress { get; set; } = "";
    /// <summary>Node that holds the relaying lease, and until when; an expired lease is claimable again.</summary>
    public string? LeaseOwner { get; set; }
    public long LeaseUntil { get; set; }
    /// <summary>Identifies one claim batch so the claimer can read back exactly what it won.</summary>
    public string? ClaimToken { get; set; }
    public bool Returned { get; set; }
    /// <summary>What the send-safety checks found, as shown to the sender.</summary>
    public string? Findings { get; set; }
    public List<RecipientRow> Recipients { get; set; } = [];
}

/// <summary>
/// A message body stored in the database (several nodes, one PostgreSQL): inserted in the same
/// transaction as its message row and removed with it.
/// </summary>
public sealed class MessageBodyRow
{
    public required string MessageId { get; set; }
    public required byte[] Body { get; set; }
}

public sealed class RecipientRow
{
    public long Id { get; set; }
    public required string MessageId { get; set; }
    public required string Address { get; set; }
    public RecipientStatus Status { get; set; }
    public string? Response { get; set; }
    public long UpdatedAt { get; set; }
}
