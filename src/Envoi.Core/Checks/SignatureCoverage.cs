using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
using Envoi.Core.Signatures;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// The "missing signature" send-safety check, asked at acceptance: would the rules in force now leave
/// this message without a signature by mistake? (The signature itself is added at release.)
/// </summary>
public sealed class SignatureCoverage(SignatureResolver resolver, SignatureOptions options) : ISignatureCoverage
{
    public async Task<string?> MissingBecauseAsync(MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        if (!options.Enabled || ProtectedMessage.Reason(message, MessageOrigin.Smtp) is not null) return null;
        var plan = await resolver.PlanAsync(sender, message, recipients, ct);
        return plan.Copies.FirstOrDefault(c => c.Missing)?.Reason;
    }
}
