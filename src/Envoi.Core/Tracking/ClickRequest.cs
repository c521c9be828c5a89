using System.Net;

namespace Envoi.Core.Tracking;

/// <summary>What the tracking endpoints know of a request, without HTTP types (a struct: one per click, never kept).</summary>
/// <param name="Purpose">The <c>Purpose</c>, <c>Sec-Purpose</c> or <c>X-Moz</c> header, if any.</param>
public readonly record struct ClickRequest(string Method, string? UserAgent, string? Purpose, IPAddress? RemoteAddress, DateTimeOffset At);
