using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text;
using Envoi.Core;
using Envoi.Core.Checks;
using Envoi.Core.Observability;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Users;
using Envoi.Mail.Spool;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Utils;

namespace Envoi.Mail.Accept;

/// <summary>What the SMTP session knows when DATA ends.</summary>
public sealed record AcceptRequest(string Sender, IReadOnlyList<string> Recipients, EnvoiUser? User, IPAddress Client, bool Tls);

/// <summary>The reply to end-of-DATA: 250 with the queue id, or a refusal with its reason.</summary>
public sealed record AcceptResult(int Code, string Text, string? QueueId)
{
    public static AcceptResult Refuse(int code, string text) => new(code, text, null);
}

/// <summary>
/// The end of DATA: refuse what must be refused (smuggling shapes, NUL, loops, oversized header
/// lines, bad scheduling headers), then store the message durably — body fsynced, row committed —
/// and only then answer 250 with its queue id. Knows the queue, not the SMTP engine.
/// </summary>
public sealed class MessageAcceptor(
    IBodyWriter bodies,
    IMessageSpool spool,
    QueueWriter writer,
    IQueueStore store,
    IUserStore users,
    HoldPolicy hold,
    QueueOptions queue,
    SmtpOptions smtp,
    GatewayIdentity identity,
    SendSafetyGate safety,
    FreeSpaceGuard space,
    TimeProvider clock,
    ILogger<MessageAcceptor> logger)
{
    public async Task<AcceptResult> AcceptAsync(AcceptRequest request, ReadOnlySequence<byte> data, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (Validate(data, out var scan) is { } refusal)
        {
            MailMetrics.Rejected.WithLabels("content").Inc();
            logger.LogWarning("Refused message from <{Sender}> ({Client}): {Reason}", request.Sender, request.Client, refusal.Text);
            return refusal;
        }
        if (!space.Fits(data.Length))
        {
            // The disk filled while the message was being sent (MAIL FROM found room).
            MailMetrics.Rejected.WithLabels("disk-full").Inc();
            return AcceptResult.Refuse(452, InsufficientStorage);
        }
        ReadOnlySequence<byte> body = scan.HasBareLineEnding ? new ReadOnlySequence<byte>(DataScan.NormalizeLineEndings(data)) : data;

        // Parsed once, in place (persistent: MimeKit reads content from the buffer instead of copying it).
        using var source = new SequenceStream(body);
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(source, persistent: true, ct);
        }
        catch (FormatException)
        {
            message = new MimeMessage(); // no parsable header block: stored as sent, nothing to check
        }
        var headers = message.Headers;
        var now = clock.GetUtcNow();
        DateTimeOffset? sendAt = null;
        if (headers[Core.Outbox.SendAtHeader.Name] is { } sendAtValue)
        {
            var parsed = Core.Outbox.SendAtHeader.Parse(sendAtValue);
            if (parsed.Error is not null) return AcceptResult.Refuse(554, $"5.6.0 {parsed.Error}");
            sendAt = parsed.SendAt;
        }

        // Mail from a trusted connector (Exchange, Postfix) carries no login: the envelope sender
        // tells whose outbox it belongs to and which undo window applies.
        var owner = request.User ?? (request.Sender.Length > 0 ? await users.FindByEmailAsync(request.Sender, ct) : null);
        var verdict = await safety.EvaluateAsync(request.Sender, request.Recipients, message, body.Length, ct);
        if (verdict.Action == CheckAction.Refuse)
        {
            MailMetrics.Rejected.WithLabels("check").Inc();
            logger.LogInformation("Refused message from <{Sender}>: {Findings}", request.Sender, verdict.Explain(CheckAction.Refuse));
            return AcceptResult.Refuse(550, $"5.7.1 {safety.RefusalText(verdict)}");
        }
        var awaiting = verdict.Action == CheckAction.Hold;
        var releaseAt = awaiting ? now + safety.ConfirmationTimeout : sendAt ?? now + hold.WindowFor(owner?.HoldSeconds);
        var findings = verdict.Findings.Count == 0 ? null : string.Join(" ", verdict.Findings.Select(f => f.Sentence));
        var id = QueueId.New(now);
        var received = ReceivedHeader(request, id, now);
        var pieces = new List<ReadOnlyMemory<byte>> { received };
        foreach (var segment in body) pieces.Add(segment);
        pieces.Add(FinalCrlf); // the engine keeps the CRLF of the last line as part of the end-of-data marker
        var envelope = new Envelope(request.Sender, request.Recipients, owner?.Id, request.Client.ToString());
        Task? commit = null;
        try
        {
            // The body is complete in the page cache before its row exists, so a worker that
            // claims it at once reads every byte. Its fsync and the row's commit then overlap:
            // 250 waits for both. A crash between them leaves a row whose body is short or
            // missing; SpoolRecovery removes it at start-up (its sender never got 250).
            // (Bodies stored in the database ride with the row instead, in its transaction.)
            await using var file = await bodies.CreateAsync(id, pieces, ct);
            commit = writer.CommitAsync(new NewMessage(id, envelope, now, releaseAt, now + queue.MaxAge, sendAt is not null, file.Length, headers[HeaderId.Subject], MessageOrigin.Smtp, awaiting, findings, file.Inline));
            await Task.WhenAll(file.FlushToDiskAsync(), commit);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not store message from <{Sender}>; the client is told to retry", request.Sender);
            await ForgetAsync(id, rowCommitted: commit is { IsCompletedSuccessfully: true });
            if (space.Check(fresh: true).State == StorageState.Refusing || IsDiskFull(e))
            {
                MailMetrics.Rejected.WithLabels("disk-full").Inc();
                return AcceptResult.Refuse(452, InsufficientStorage);
            }
            return AcceptResult.Refuse(451, "4.3.0 Envoi could not store your message; nothing was sent, please try again shortly");
        }

        MailMetrics.Accepted.Inc();
        if (releaseAt > now) MailMetrics.Held.Inc();
        MailMetrics.AcceptLatency.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        logger.LogInformation("{QueueId}: accepted from <{Sender}> for {Count} recipient(s), release at {ReleaseAt:O}", id, request.Sender, request.Recipients.Count, releaseAt);
        if (findings is not null) logger.LogInformation("{QueueId}: checks: {Findings}", id, findings);
        if (verdict.Action is CheckAction.Warn or CheckAction.Hold) await safety.NotifyAsync(id, request.Sender, message.Subject, verdict, owner?.Id, ct);
        return new AcceptResult(250, awaiting ? $"2.0.0 Ok: queued as {id}, held for your confirmation (see your mailbox)" : $"2.0.0 Ok: queued as {id}", id);
    }

    private static readonly byte[] FinalCrlf = "\r\n"u8.ToArray();

    private const string InsufficientStorage = "4.3.1 Insufficient system storage: Envoi's disk is nearly full; nothing was stored, please try again later";

    /// <summary>ENOSPC (errno 28) from a file write, or SQLite's "database or disk is full" (SQLITE_FULL), anywhere in the chain.</summary>
    private static bool IsDiskFull(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is IOException { HResult: 28 } || inner.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase) || inner.Message.Contains("No space left", StringComparison.Ordinal))
                return true;
        return false;
    }

    private AcceptResult? Validate(ReadOnlySequence<byte> data, out DataScan scan)
    {
        scan = DataScan.Of(data);
        if (data.IsEmpty)
            return AcceptResult.Refuse(554, "5.6.0 Message refused: it is empty (no header, no body)");
        if (data.Length > smtp.MaxMessageBytes)
            return AcceptResult.Refuse(552, $"5.3.4 Message too big: the limit is {smtp.MaxMessageBytes} bytes");
        if (scan.SmugglingDot)
            return AcceptResult.Refuse(554, "5.6.11 Message refused: a line holding only '.' touches a bare CR or LF, the pattern of SMTP smuggling; end every line with CRLF");
        if (scan.HasNul)
            return AcceptResult.Refuse(554, "5.6.0 Message refused: it contains NUL bytes, which SMTP does not allow");
        if (scan.ReceivedCount > smtp.MaxHops)
            return AcceptResult.Refuse(554, $"5.4.6 Mail loop: the message already has {scan.ReceivedCount} Received headers (limit {smtp.MaxHops})");
        if (scan.LongestHeaderLine > smtp.MaxHeaderLineLength)
            return AcceptResult.Refuse(554, $"5.6.0 Message refused: a header line is {scan.LongestHeaderLine} characters long; RFC 5322 allows {smtp.MaxHeaderLineLength}");
        return null;
    }

    private byte[] ReceivedHeader(AcceptRequest request, string id, DateTimeOffset now)
    {
        // RFC 3848 protocol names: S = TLS, A = authenticated.
        var protocol = "ESMTP" + (request.Tls ? "S" : "") + (request.User is not null ? "A" : "");
        var forClause = request.Recipients.Count == 1 ? $"\r\n\tfor <{request.Recipients[0]}>" : "";
        var header = $"Received: from [{request.Client}]\r\n\tby {identity.HostName} (Envoi) with {protocol} id {id}{forClause};\r\n\t{DateUtils.FormatDate(now)}\r\n";
        return Encoding.UTF8.GetBytes(header);
    }

    /// <summary>Takes back a message that will not be acknowledged: its row if it was committed, then its body.</summary>
    private async Task ForgetAsync(string id, bool rowCommitted)
    {
        try
        {
            if (rowCommitted) await store.DeleteUnacknowledgedAsync(id, CancellationToken.None);
            if (spool.Exists(id)) spool.Delete(id);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{QueueId}: could not remove the unacknowledged message; start-up recovery will", id);
        }
    }
}
