using System.Diagnostics;
using Envoi.Core;
using Envoi.Core.Observability;
using Envoi.Core.Outbox;
using Envoi.Core.Pipeline;
using Envoi.Core.Queue;
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
    MessagePipeline pipeline,
    IRecipientPartitioner partitioner,
    IDeliveryTarget target,
    IMessageInjector injector,
    QueueOptions options,
    GatewayIdentity identity,
    Envoi.Core.Checks.SenderProfiles profiles,
    TimeProvider clock,
    ILogger<MessageProcessor> logger)
{
    public async Task ProcessAsync(ClaimedMessage claimed, string owner, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        // One look-up for "is it there" and "give it to me" (with bodies in the database, one round trip).
        var first = await spool.TryOpenReadAsync(claimed.Id, ct);
        if (first is null)
        {
            // Should never happen: the row is committed only after the body is on disk.
            logger.LogCritical("{QueueId}: the body of this message is missing from the spool", claimed.Id);
            await recorder.RecordAsync(claimed.Id, owner, Fail(claimed.PendingRecipients, "554 5.3.0 Envoi lost the body of this message (spool file missing)"));
            return;
        }

        MimeMessage? message = null;
        var results = new List<RecipientResult>();
        var opened = new List<Stream> { first };
        try
        {
            message = await MimeMessage.LoadAsync(first, persistent: true, ct);
            var context = new MessageContext(claimed.Id, message, claimed.Sender, claimed.PendingRecipients, claimed.Origin);
            var copies = context.IsProtected ? [claimed.PendingRecipients] : await partitioner.PartitionAsync(context, ct);
            if (copies.Count > 1) logger.LogInformation("{QueueId}: split into {Copies} copies for recipients needing different signatures", claimed.Id, copies.Count);
            for (var i = 0; i < copies.Count; i++)
            {
                // Stages change the message in place: every further copy starts again from the spool file.
                var copy = i == 0 && copies.Count == 1 ? context
                    : new MessageContext(claimed.Id, i == 0 ? message : await LoadAsync(claimed.Id, opened, ct), claimed.Sender, copies[i], claimed.Origin);
                await pipeline.RunAsync(copy, ct);
                results.AddRange(await target.DeliverAsync(claimed.Id, copy.Message, claimed.Sender, copies[i], ct));
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A message a stage or the parser chokes on is retried on the normal schedule and
            // bounced when it expires, instead of looping on its lease forever.
            logger.LogError(e, "{QueueId}: could not be processed; retrying on the normal schedule", claimed.Id);
            // Recipients of a copy already accepted upstream keep their result: they must not get it twice.
            var done = results.Select(r => r.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            results.AddRange(claimed.PendingRecipients.Where(r => !done.Contains(r))
                .Select(r => new RecipientResult(r, RecipientStatus.Deferred, $"451 4.3.0 Envoi could not process this message ({e.GetType().Name}: {e.Message})")));
        }
        finally
        {
            foreach (var stream in opened) await stream.DisposeAsync();
        }

        var now = clock.GetUtcNow();
        var retryAt = now + options.RetryDelay(claimed.Attempts);
        IReadOnlyList<RecipientResult> outcome = results;
        if (retryAt > claimed.ExpiresAt)
            outcome = outcome.Select(r => r.Status == RecipientStatus.Deferred
                ? r with { Status = RecipientStatus.Failed, Response = $"4.4.7 Gave up after {options.MaxAge.TotalDays:0.#} days in the queue; last reply: {r.Response}" }
                : r).ToList();

        var status = await recorder.RecordAsync(claimed.Id, owner, new DeliveryReport(outcome, retryAt));
        MailMetrics.RelayLatency.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        MailMetrics.Relayed.Inc(outcome.Count(r => r.Status == RecipientStatus.Relayed));
        MailMetrics.Deferred.Inc(outcome.Count(r => r.Status == RecipientStatus.Deferred));
        var failed = outcome.Where(r => r.Status == RecipientStatus.Failed).ToList();
        MailMetrics.Bounced.Inc(failed.Count);
        logger.LogInformation("{QueueId}: {Status} ({Relayed} relayed, {Deferred} deferred, {Failed} failed) via {Target}",
            claimed.Id, status.ToWire(), outcome.Count(r => r.Status == RecipientStatus.Relayed), outcome.Count(r => r.Status == RecipientStatus.Deferred), failed.Count, target.Describe());

        // Never bounce a bounce: mail from the null sender has nobody to return to.
        if (failed.Count > 0 && claimed.Sender.Length > 0)
        {
            var language = (await profiles.GetAsync(claimed.Sender, ct)).Language;
            var bounce = BounceBuilder.Build(identity, claimed.Id, claimed.Sender, message ?? new MimeMessage(), failed, claimed.ReceivedAt, language);
            var bounceId = await injector.InjectAsync(bounce, new Envelope("", [claimed.Sender], claimed.UserId, "127.0.0.1"), MessageOrigin.Bounce, ct);
            logger.LogInformation("{QueueId}: bounce queued as {BounceId} to {Sender}", claimed.Id, bounceId, claimed.Sender);
        }
        if (status is MessageStatus.Relayed or MessageStatus.Failed && !spool.DeletedWithResult) spool.Delete(claimed.Id); // else gone with the result
    }

    private async Task<MimeMessage> LoadAsync(string queueId, List<Stream> opened, CancellationToken ct)
    {
        // Persistent parsing leaves attachments on disk: the stream stays open until delivery is done.
        var body = await spool.TryOpenReadAsync(queueId, ct) ?? throw new FileNotFoundException($"The body of message {queueId} is missing from the spool.");
        opened.Add(body);
        return await MimeMessage.LoadAsync(body, persistent: true, ct);
    }

    private static DeliveryReport Fail(IEnumerable<string> recipients, string reason) =>
        new(recipients.Select(r => new RecipientResult(r, RecipientStatus.Failed, reason)).ToList(), DateTimeOffset.MaxValue);
}
