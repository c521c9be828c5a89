using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>Whether the signature rules leave a message without a signature by mistake (no rule applies, unknown sender).</summary>
public interface ISignatureCoverage
{
    /// <returns>Why no signature would be added, or null when one would (or when none is intended).</returns>
    Task<string?> MissingBecauseAsync(MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct);
}
