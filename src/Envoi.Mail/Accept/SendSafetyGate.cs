using Envoi.Core;
using Envoi.Core.Checks;
using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Envoi.Mail.Accept;

/// <summary>
/// Send safety at the end of DATA: runs the checks with the sender's groups and language, honours
/// <c>X-Envoi-Confirm: yes</c>, words the SMTP refusal, and mails the sender a notice (with signed
/// confirm and cancel links when the message is held).
/// </summary>
public sealed class SendSafetyGate(
    SendSafetyChecks checks,
    CheckOptions options,
    SenderProfiles senders,
    ConfirmationLinks links,
    IMessageInjector injector,
    GatewayIdentity identity,
    ILogger<SendSafetyGate> logger)
{
    public const string ConfirmHeader = CheckOptions.ConfirmHeader;

    public TimeSpan ConfirmationTimeout => options.ConfirmationTimeout;

    public async Task<CheckVerdict> EvaluateAsync(string sender, IReadOnlyList<string> recipients, MimeMessage message, long size, CancellationToken ct)
    {
        // Reports, auto-replies and signed or encrypted mail are not checked (nor modified).
        if (ProtectedMessage.Reason(message, MessageOrigin.Smtp) is not null) return CheckVerdict.Clean;
        var profile = await senders.GetAsync(sender, ct);
        var verdict = await checks.RunAsync(new CheckInput(message, sender, recipients, size, profile.Groups, profile.Language), ct);
        var confirmed = options.AllowConfirmHeader && string.Equals(message.Headers[ConfirmHeader]?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
        // The sender already confirmed: what would have held or refused the message is only recorded.
        return confirmed ? new CheckVerdict(verdict.Findings.Select(f => f.Action >= CheckAction.Hold ? f with { Action = CheckAction.Log } : f).ToList()) : verdict;
    }

    public string RefusalText(CheckVerdict verdict) =>
        verdict.Explain(CheckAction.Refuse) + (options.AllowConfirmHeader ? $" To send it anyway, send it again with the header {ConfirmHeader}: yes." : "");

    /// <summary>Tells the sender what the checks found. A failure here never loses the message itself.</summary>
    public async Task NotifyAsync(string id, string sender, string? subject, CheckVerdict verdict, int? userId, CancellationToken ct)
    {
        if (sender.Length == 0) return;
        try
        {
            var profile = await senders.GetAsync(sender, ct);
            var held = verdict.Action == CheckAction.Hold;
            var notice = CheckNotice.Build(identity, sender, id, subject, verdict, held ? links : null, profile.Language, options.ConfirmationTimeout, options.SendWhenConfirmationTimesOut);
            await injector.InjectAsync(notice, new Envelope("", [sender], userId, "127.0.0.1"), MessageOrigin.Notice, ct);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{QueueId}: could not send the check notice to <{Sender}>", id, sender);
        }
    }
}
