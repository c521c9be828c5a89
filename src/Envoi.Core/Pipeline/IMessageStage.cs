namespace Envoi.Core.Pipeline;

/// <summary>
/// One step between release and relay (pre-send checks, signature, banner, link tracking, DKIM).
/// A stage sees the parsed message and who sent it, never a socket; it changes the message in
/// place or says why it must stop.
/// </summary>
public interface IMessageStage
{
    /// <summary>Shown in logs and the architecture page; also the order key's tie-breaker.</summary>
    string Name { get; }

    /// <summary>Lower runs first. Checks ≈ 100, signature ≈ 200, banner ≈ 300, links ≈ 400, DKIM = 1000 (last).</summary>
    int Order { get; }

    /// <summary>True for stages that must also run on protected messages (none change them; DKIM does not).</summary>
    bool RunsOnProtectedMessages => false;

    ValueTask<StageResult> ProcessAsync(MessageContext context, CancellationToken cancellationToken);
}

public readonly record struct StageResult(bool Continue, string? Reason)
{
    public static readonly StageResult Next = new(true, null);

    /// <summary>Stops the pipeline; the message is failed with <paramref name="reason"/> (reported to the sender).</summary>
    public static StageResult Stop(string reason) => new(false, reason);
}
