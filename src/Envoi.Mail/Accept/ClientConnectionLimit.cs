using System.Collections.Concurrent;
using System.Net;
using Envoi.Core.Observability;
using Envoi.Mail.Accept.Transport;

namespace Envoi.Mail.Accept;

/// <summary>
/// Postfix's <c>smtpd_client_connection_count_limit</c>: at most <see cref="SmtpOptions.ClientConnectionCountLimit"/>
/// simultaneous sessions per client address, so one host opening a thousand idle connections cannot
/// crowd out everyone else. Trusted connector networks are exempt (Postfix exempts <c>$mynetworks</c>).
/// </summary>
internal sealed class ClientConnectionLimit(SmtpOptions options, TrustedNetworks trusted, string hostName) : IConnectionAdmission
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public string? TryAdmit(IPAddress client)
    {
        client = Canonical(client);
        var limit = options.ClientConnectionCountLimit;
        if (limit <= 0 || trusted.Contains(client)) return null;
        while (true)
        {
            var count = _open.GetOrAdd(client, 0);
            if (count >= limit)
            {
                MailMetrics.Rejected.WithLabels("connection-limit").Inc();
                return $"421 4.7.0 {hostName} Too many connections from {client}: at most {limit} at a time; close some and try again";
            }
            if (_open.TryUpdate(client, count + 1, count)) return null;
        }
    }

    public void Release(IPAddress client)
    {
        client = Canonical(client);
        if (options.ClientConnectionCountLimit <= 0 || trusted.Contains(client)) return;
        while (_open.TryGetValue(client, out var count))
        {
            if (count <= 1 ? _open.TryRemove(new KeyValuePair<IPAddress, int>(client, count)) : _open.TryUpdate(client, count - 1, count)) return;
        }
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
