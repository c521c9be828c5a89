namespace Envoi.Core.Directory;

public enum DirectoryOutcome
{
    Done,
    NotFound,
    /// <summary>The caller may not change what they asked to change (a read-only or hidden attribute).</summary>
    Forbidden,
    Invalid,
}

/// <summary>The answer to a directory change; <see cref="Problems"/> lists every refused item, nothing having been applied.</summary>
public sealed record DirectoryResult(DirectoryOutcome Outcome, string Message, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Outcome == DirectoryOutcome.Done;
    public static DirectoryResult Done(string message) => new(DirectoryOutcome.Done, message, []);
    public static DirectoryResult Fail(DirectoryOutcome outcome, string message, IReadOnlyList<string>? problems = null) => new(outcome, message, problems ?? [message]);
}
