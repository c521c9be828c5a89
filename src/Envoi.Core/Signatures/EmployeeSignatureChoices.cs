using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures;

/// <summary>
/// Multi-signature: the signatures an admin allowed one employee to use, and the employee's own
/// default for each context. A rule marked enforced still wins over both.
/// </summary>
public sealed record EmployeeSignatureChoices(IReadOnlyList<string> Allowed, IReadOnlyDictionary<SignatureContext, string> Defaults)
{
    public static readonly EmployeeSignatureChoices None = new([], new Dictionary<SignatureContext, string>());

    public bool Allows(string name) => Allowed.Contains(name, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The four situations an employee may pick a different default signature for.</summary>
public enum SignatureContext
{
    NewInternal,
    NewExternal,
    ReplyInternal,
    ReplyExternal,
}

public static class SignatureContexts
{
    /// <summary>Forwards count as replies: both carry a thread below the new text.</summary>
    public static SignatureContext Of(MessageKind kind, bool allInternal) => (kind == MessageKind.New, allInternal) switch
    {
        (true, true) => SignatureContext.NewInternal,
        (true, false) => SignatureContext.NewExternal,
        (false, true) => SignatureContext.ReplyInternal,
        (false, false) => SignatureContext.ReplyExternal,
    };

    public static string ToWire(this SignatureContext context) => context switch
    {
        SignatureContext.NewInternal => "new-internal",
        SignatureContext.NewExternal => "new-external",
        SignatureContext.ReplyInternal => "reply-internal",
        _ => "reply-external",
    };

    public static SignatureContext? FromWire(string? value) =>
        Enum.GetValues<SignatureContext>().Cast<SignatureContext?>().FirstOrDefault(c => c!.Value.ToWire().Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
