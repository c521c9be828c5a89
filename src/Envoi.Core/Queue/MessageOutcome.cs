using Envoi.Core.Outbox;

namespace Envoi.Core.Queue;

/// <summary>The message status its recipients imply, so the outbox never disagrees with the per-recipient view.</summary>
public static class MessageOutcome
{
    public static MessageStatus Summarize(IEnumerable<RecipientStatus> recipients)
    {
        bool pending = false, failed = false, relayed = false;
        foreach (var status in recipients)
        {
            switch (status)
            {
                case RecipientStatus.Pending or RecipientStatus.Deferred: pending = true; break;
                case RecipientStatus.Failed: failed = true; break;
                case RecipientStatus.Relayed: relayed = true; break;
            }
        }
        if (pending) return MessageStatus.Deferred;
        if (failed) return MessageStatus.Failed;
        return relayed ? MessageStatus.Relayed : MessageStatus.Cancelled;
    }
}
