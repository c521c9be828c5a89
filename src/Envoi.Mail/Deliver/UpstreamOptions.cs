namespace Envoi.Mail.Deliver;

/// <summary>The smarthost Envoi relays to: <c>smtp://host:port</c> (STARTTLS when offered) or <c>smtps://host:port</c>.</summary>
public sealed class UpstreamOptions
{
    /// <summary>Empty: no upstream, outgoing mail is captured in the data directory.</summary>
    public string? Url { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>For a smarthost with a self-signed certificate on a network you trust.</summary>
    public bool AcceptAnyCertificate { get; set; }
    /// <summary>When a pooled connection idle for longer is checked with NOOP before reuse.</summary>
    public TimeSpan IdleCheckAfter { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>The name Envoi gives in EHLO.</summary>
    public string? HeloName { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    public UpstreamEndpoint Parse()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"Upstream '{Url}' is not smtp://host[:port] or smtps://host[:port].");
        var implicitTls = uri.Scheme == "smtps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (implicitTls ? 465 : 25) : uri.Port;
        string? user = Username, password = Password;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : password;
        }
        return new UpstreamEndpoint(uri.Host, port, implicitTls, user, password);
    }
}

public sealed record UpstreamEndpoint(string Host, int Port, bool ImplicitTls, string? Username, string? Password)
{
    public override string ToString() => $"{(ImplicitTls ? "smtps" : "smtp")}://{Host}:{Port}";
}
