using System.Net;

namespace Envoi.Core.Tracking;

/// <summary>What the tracking endpoints know of a request, without HTTP types.</summary>
/// <param name="Purpose">The <c>Purpose</c>, <c>Sec-Purpose</c> or <c>X-Moz</c> header, if any.</param>
public sealed record ClickRequest(string Method, string? UserAgent, string? Purpose, IPAddress? RemoteAddress, DateTimeOffset At);
