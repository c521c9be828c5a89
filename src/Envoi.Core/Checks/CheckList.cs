using Envoi.Core.Checks.Catalog;

namespace Envoi.Core.Checks;

/// <summary>
/// Every send-safety check, in the order their findings are reported. A new check is its file in
/// <c>Catalog/</c> and one line here; the gateway, <c>/api/checks</c>, the console and the CLI pick it up.
/// </summary>
public static class CheckList
{
    public static IReadOnlyList<ISendSafetyCheck> Create(CheckOptions options, IMailHistory history, ISignatureCoverage? signatures) =>
    [
        new ForgottenAttachmentCheck(),
        new LookalikeDomainCheck(options, history),
        new FirstTimeRecipientCheck(options, history),
        new SensitiveDataCheck(options),
        new EmptySubjectCheck(),
        new ManyRecipientsCheck(options),
        new MixedRecipientsCheck(),
        new ExternalRecipientsCheck(),
        new MessageSizeCheck(options),
        new MissingSignatureCheck(signatures),
    ];
}
