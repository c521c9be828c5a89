using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures;

/// <summary>
/// Noted on the <see cref="Pipeline.MessageContext"/> by <see cref="SignatureStage"/> when it inserted a
/// signature: the banner stage fills <see cref="BannerSlot"/> and the link stage knows whose links
/// it tracks, without asking the resolver a second time (which could answer differently if the
/// rules changed in between).
/// </summary>
/// <param name="Rendered">The signature as inserted (its weight is counted for the green report).</param>
/// <param name="TextForm">The text form inserted into the text/plain body, or null when that body did not get one.</param>
public sealed record SignedCopy(SignatureSender Sender, string Signature, string? BannerSlot, IReadOnlyList<string> Recipients, RenderedSignature Rendered, string? TextForm = null);
