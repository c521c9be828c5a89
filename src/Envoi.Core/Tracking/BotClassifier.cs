using System.Buffers;
using System.Net;

namespace Envoi.Core.Tracking;

/// <summary>
/// Tells a person's click from a machine's. Link scanners (Safe Links, Mimecast, Proofpoint,
/// Barracuda) and prefetchers open every link of a message within seconds of delivery, often with
/// HEAD, a <c>Purpose: prefetch</c> header, a recognizable user agent or from Microsoft's networks.
/// The first test that fires is the reason shown beside the click.
/// </summary>
public sealed class BotClassifier
{
    private readonly BotOptions _options;
    private readonly IPNetwork[] _networks;
    // Every person's click is tested against every agent: one multi-string search instead of a Contains per agent.
    private readonly SearchValues<string> _agents;

    public BotClassifier(TrackingOptions options)
    {
        _options = options.Bots;
        _networks = _options.Networks.Select(n => IPNetwork.TryParse(n.Trim(), out var network) ? network : throw new ArgumentException($"Tracking:Bots:Networks: '{n}' is not a CIDR network")).ToArray();
        _agents = SearchValues.Create(_options.UserAgents.Where(a => a.Length > 0).ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    /// <returns>Why the request is automated, or null for a person.</returns>
    public string? Reason(ClickRequest request, DateTimeOffset deliveredAt)
    {
        if (HttpMethodIs(request.Method, "HEAD")) return "HEAD request";
        if (request.Purpose is { Length: > 0 } purpose && purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase)) return $"prefetch ({purpose})";
        if (string.IsNullOrWhiteSpace(request.UserAgent)) return "no user agent";
        if (request.UserAgent.AsSpan().ContainsAny(_agents))
            // The reason names the first agent of the list that matches, as people configured it.
            foreach (var agent in _options.UserAgents)
                if (agent.Length > 0 && request.UserAgent.Contains(agent, StringComparison.OrdinalIgnoreCase)) return $"scanner user agent ({agent})";
        if (request.RemoteAddress is { } address)
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            foreach (var network in _networks)
                if (network.Contains(address)) return $"scanner network ({network})";
        }
        var seconds = (request.At - deliveredAt).TotalSeconds;
        if (_options.SecondsAfterDelivery > 0 && seconds < _options.SecondsAfterDelivery)
            return $"clicked {Math.Max(0, seconds):0.#} s after delivery";
        return null;
    }

    private static bool HttpMethodIs(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
