namespace Envoi.Core.Queue;

/// <summary>How long mail may wait upstream and how often it is retried (Postfix's defaults, in spirit).</summary>
public sealed class QueueOptions
{
    /// <summary>Give up on a recipient still deferred after this long and bounce it (Postfix: maximal_queue_lifetime = 5d).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Delay before the n-th retry; the last value repeats. Postfix backs off from 300 s to 4000 s.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(67),
    ];

    /// <summary>How long a node owns a message it is relaying; when it dies, another node takes over after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Parallel upstream deliveries.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How long the body of a cancelled message is kept (so it can still be returned to its sender).</summary>
    public TimeSpan CancelledRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a finished message (relayed, failed or cancelled: its row, its recipients' results and
    /// any body left) is kept before it is purged, so a year of mail does not fill the disk. The
    /// statistics roll-ups and tracked links are kept. Zero keeps everything.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often spool clean-up runs.</summary>
    public TimeSpan JanitorInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the scheduler looks for due messages; releases happen within this of their time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryDelay(int attempt) =>
        RetrySchedule.Count == 0 ? TimeSpan.FromMinutes(5) : RetrySchedule[Math.Clamp(attempt, 0, RetrySchedule.Count - 1)];
}
