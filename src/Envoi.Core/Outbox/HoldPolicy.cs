namespace Envoi.Core.Outbox;

/// <summary>
/// How long a message waits before it leaves: the user's own undo window if they chose one
/// (within the admin's bounds), else the organization default; 0 means "immediately".
/// </summary>
public sealed class HoldPolicy(HoldOptions options)
{
    public HoldOptions Options => options;

    public TimeSpan WindowFor(int? userHoldSeconds)
    {
        var seconds = userHoldSeconds ?? options.DefaultSeconds;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, options.MinSeconds, options.MaxSeconds));
    }

    /// <returns>A sentence saying what is wrong with <paramref name="seconds"/>, or null when it is allowed.</returns>
    public string? Validate(int seconds) =>
        seconds < options.MinSeconds || seconds > options.MaxSeconds
            ? $"The hold window must be between {options.MinSeconds} and {options.MaxSeconds} seconds (got {seconds})."
            : null;
}

public sealed class HoldOptions
{
    public int DefaultSeconds { get; set; } = 10;
    public int MinSeconds { get; set; }
    public int MaxSeconds { get; set; } = 3600;
}
