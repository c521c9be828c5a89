using Envoi.Core;
using Envoi.Core.Addresses;
using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
using Microsoft.Extensions.Logging;

namespace Envoi.Mail.Dkim;

/// <summary>
/// Signs the message with the keys of its From domain (RFC 6376, relaxed/relaxed, rsa-sha256 or
/// ed25519-sha256). Runs last, after every stage that changes the message, and on protected
/// messages too: a DKIM-Signature is one header added on top, which changes neither an S/MIME or
/// PGP signature nor what a report or an auto-reply says.
/// </summary>
public sealed class DkimStage(DkimKeyring keyring, ILogger<DkimStage> logger) : IMessageStage
{
    public string Name => "dkim";

    public bool RunsOnProtectedMessages => true;

    public ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        // The From domain and not the envelope sender's: DMARC checks the signature against the
        // address the reader sees, so a d= taken from the envelope would pass DKIM and still fail
        // DMARC. Bounces (null sender) are signed by the domain of their From (postmaster@host).
        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null || keyring.IsEmpty) return ValueTask.CompletedTask;
        var keys = keyring.For(AddressSyntax.DomainOf(from.Address));
        if (keys.Count == 0) return ValueTask.CompletedTask;

        if (context.IsProtected && context.Origin == MessageOrigin.Smtp)
        {
            // Never re-encode a client's protected message. If it has 8-bit parts, leave it
            // unsigned: MailKit sends a DKIM-signed message untouched, so signing would also stop
            // it from re-encoding those parts for an upstream without 8BITMIME, as it does today.
            if (!RelayEncoding.IsStable(message))
            {
                logger.LogWarning("{QueueId}: not DKIM-signed: the message is {Reason} and has 8-bit parts an upstream may re-encode", context.QueueId, context.ProtectedBecause);
                return ValueTask.CompletedTask;
            }
        }
        else
        {
            // Envoi's own messages are protected only from additions; their encoding is ours to choose.
            RelayEncoding.PrepareForSigning(message);
        }

        var headers = DkimHeaders.ToSign(message);
        // Every key of the domain signs: an RSA and an Ed25519 signature side by side is what
        // RFC 8463 recommends while verifiers catch up, and two selectors cover a key rotation.
        foreach (var key in keys) key.CreateSigner().Sign(WireFormat.Options, message, headers);
        return ValueTask.CompletedTask;
    }
}
