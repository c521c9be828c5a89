namespace Envoi.Core.Checks.Catalog;

/// <summary>
/// Every send-safety check, in the order their findings are reported. A new check is its file in
/// this folder and one line here; the gateway, <c>/api/checks</c>, the console and the CLI pick it up.
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
