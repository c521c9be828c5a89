using Envoi.Core.Queue;
namespace Envoi.Core.Outbox;

/// <summary>Who asks the outbox for something: employees act on their own messages, admins on all.</summary>
public sealed record Actor(int? UserId, bool IsAdmin)
{
    /// <summary>The operator at the server's command line.</summary>
    public static readonly Actor Operator = new(null, true);

    public bool MaySee(OutboxEntry entry) => IsAdmin || (UserId is not null && entry.UserId == UserId);
}
