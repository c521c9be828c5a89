using Envoi.Core.Queue;
namespace Envoi.Core.Outbox;

public enum OutboxOutcome
{
    Done,
    /// <summary>No such message, or one the actor may not see (the two are told apart to no one).</summary>
    NotFound,
    /// <summary>The message already left (or was already cancelled); nothing was changed.</summary>
    TooLate,
    Invalid,
}

/// <summary>The answer to an outbox action, with a sentence a person understands.</summary>
public sealed record OutboxResult(OutboxOutcome Outcome, string Message, OutboxEntry? Entry = null)
{
    public bool Succeeded => Outcome == OutboxOutcome.Done;
}
