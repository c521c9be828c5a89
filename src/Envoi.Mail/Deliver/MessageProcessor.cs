using System.Diagnostics;
using Envoi.Core;
using Envoi.Core.Observability;
using Envoi.Core.Outbox;
using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
using Envoi.Core.Users;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Envoi.Mail.Deliver;

/// <summary>
/// Takes one claimed message from spool to upstream: parse, run the stages, deliver, record the
/// result per recipient, schedule the retry or write the bounce, and drop the body once nothing
/// is left to deliver. What happens on partial failure: recipients the upstream accepted are
/// recorded as relayed and never sent again; the rest are retried or bounced individually.
/// </summary>
public sealed class MessageProcessor(
    DeliveryRecorder recorder,
    IMessageSpool spool,
    IUserStore users,
    MessagePipeline pipeline,
    IDeliveryTarget target,
    IMessageInjector injector,
    QueueOptions options,
    GatewayIdentity identity,
    TimeProvider clock,
    ILogger<MessageProcessor> logger)
{
    public async Task ProcessAsync(ClaimedMessage claimed, string owner, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (!spool.Exists(claimed.Id))
        {
            // Should never happen: the row is committed only after the body is on disk.
            logger.LogCritical("{QueueId}: the body of this message is missing from the spool", claimed.Id);
            await recorder.RecordAsync(claimed.Id, owner, Fail(claimed.PendingRecipients, "554 5.3.0 Envoi lost the body of this message (spool file missing)"));
            return;
        }

        MimeMessage? message = null;
        IReadOnlyList<RecipientResult> results;
        try
        {
            await using var body = spool.OpenRead(claimed.Id);
            message = await MimeMessage.LoadAsync(body, persistent: true, ct);
            var user = claimed.UserId is { } id ? await users.FindAsync(id, ct) : null;
            var context = new MessageContext(claimed.Id, message, claimed.Sender, claimed.PendingRecipients, user, claimed.Origin);
            var verdict = await pipeline.RunAsync(context, ct);
            results = verdict.Continue
                ? await target.DeliverAsync(claimed.Id, message, claimed.Sender, claimed.PendingRecipients, ct)
                : claimed.PendingRecipients.Select(r => new RecipientResult(r, RecipientStatus.Failed, verdict.Reason ?? "554 5.7.0 Refused by policy")).ToList();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A message a stage or the parser chokes on is retried on the normal schedule and
            // bounced when it expires, instead of looping on its lease forever.
            logger.LogError(e, "{QueueId}: could not be processed; retrying on the normal schedule", claimed.Id);
            results = claimed.PendingRecipients.Select(r => new RecipientResult(r, RecipientStatus.Deferred, $"451 4.3.0 Envoi could not process this message ({e.GetType().Name}: {e.Message})")).ToList();
        }

        var now = clock.GetUtcNow();
        var retryAt = now + options.RetryDelay(claimed.Attempts);
        if (retryAt > claimed.ExpiresAt)
            results = results.Select(r => r.Status == RecipientStatus.Deferred
                ? r with { Status = RecipientStatus.Failed, Response = $"4.4.7 Gave up after {options.MaxAge.TotalDays:0.#} days in the queue; last reply: {r.Response}" }
                : r).ToList();

        var status = await recorder.RecordAsync(claimed.Id, owner, new DeliveryReport(results, retryAt));
        MailMetrics.RelayLatency.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        MailMetrics.Relayed.Inc(results.Count(r => r.Status == RecipientStatus.Relayed));
        MailMetrics.Deferred.Inc(results.Count(r => r.Status == RecipientStatus.Deferred));
        var failed = results.Where(r => r.Status == RecipientStatus.Failed).ToList();
        MailMetrics.Bounced.Inc(failed.Count);
        logger.LogInformation("{QueueId}: {Status} ({Relayed} relayed, {Deferred} deferred, {Failed} failed) via {Target}",
            claimed.Id, status.ToWire(), results.Count(r => r.Status == RecipientStatus.Relayed), results.Count(r => r.Status == RecipientStatus.Deferred), failed.Count, target.Describe());

        // Never bounce a bounce: mail from the null sender has nobody to return to.
        if (failed.Count > 0 && claimed.Sender.Length > 0)
        {
            var bounce = BounceBuilder.Build(identity, claimed.Id, claimed.Sender, message ?? new MimeMessage(), failed, claimed.ReceivedAt);
            var bounceId = await injector.InjectAsync(bounce, new Envelope("", [claimed.Sender], claimed.UserId, "127.0.0.1"), MessageOrigin.Bounce, ct);
            logger.LogInformation("{QueueId}: bounce queued as {BounceId} to {Sender}", claimed.Id, bounceId, claimed.Sender);
        }
        if (status is MessageStatus.Relayed or MessageStatus.Failed) spool.Delete(claimed.Id);
    }

    private static DeliveryReport Fail(IEnumerable<string> recipients, string reason) =>
        new(recipients.Select(r => new RecipientResult(r, RecipientStatus.Failed, reason)).ToList(), DateTimeOffset.MaxValue);
}
