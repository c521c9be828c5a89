using System.Net;

namespace Envoi.Mail.Accept;

/// <summary>The CIDR ranges of mail servers allowed to relay through Envoi without authenticating.</summary>
public sealed class TrustedNetworks
{
    private readonly IPNetwork[] _networks;

    public TrustedNetworks(IEnumerable<string> cidrs)
    {
        _networks = cidrs.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Parse).ToArray();
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return _networks.Any(n => n.Contains(address));
    }

    private static IPNetwork Parse(string cidr)
    {
        cidr = cidr.Trim();
        if (!cidr.Contains('/')) cidr += IPAddress.TryParse(cidr, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32";
        return IPNetwork.TryParse(cidr, out var network)
            ? network
            : throw new ArgumentException($"Trusted network '{cidr}' is not an address or CIDR range such as 192.0.2.0/24.");
    }
}
