using Envoi.Core.Outbox;

namespace Envoi.Core.Queue;

/// <summary>What happened to each recipient in one delivery attempt.</summary>
/// <param name="Recipients">One result per recipient that was attempted.</param>
/// <param name="RetryAt">When deferred recipients are tried again (ignored when none is deferred).</param>
public sealed record DeliveryReport(IReadOnlyList<RecipientResult> Recipients, DateTimeOffset RetryAt);

/// <summary>One message's delivery attempt, by the node that held its lease.</summary>
public sealed record DeliveryRecord(string Id, string Owner, DeliveryReport Report);

/// <param name="Status">Relayed, Deferred or Failed.</param>
/// <param name="Response">The upstream's reply (or the network fault), kept for the outbox and the bounce.</param>
public sealed record RecipientResult(string Address, RecipientStatus Status, string Response);
