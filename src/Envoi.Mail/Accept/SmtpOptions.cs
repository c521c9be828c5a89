namespace Envoi.Mail.Accept;

/// <summary>The SMTP listener and the limits it enforces, each answered with a reply a sender understands.</summary>
public sealed class SmtpOptions
{
    /// <summary>Submission listener (plain, STARTTLS offered), ADDR:PORT.</summary>
    public string Listen { get; set; } = "127.0.0.1:2525";
    /// <summary>Optional implicit-TLS listener (port 465 style), ADDR:PORT; empty to disable.</summary>
    public string? ImplicitTlsListen { get; set; }
    /// <summary>PFX file for STARTTLS/implicit TLS; empty: a self-signed certificate is generated into the data directory.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>Default 35 MB, as Exchange Online and Gmail accept; enforced while reading DATA.</summary>
    public int MaxMessageBytes { get; set; } = 35 * 1024 * 1024;
    /// <summary>RFC 5321 asks for at least 100; Postfix allows 1000.</summary>
    public int MaxRecipients { get; set; } = 1000;
    /// <summary>RFC 5322 §2.1.1: header lines MUST NOT exceed 998 characters.</summary>
    public int MaxHeaderLineLength { get; set; } = 998;
    /// <summary>More Received headers than this means a mail loop (Postfix: hopcount_limit = 50).</summary>
    public int MaxHops { get; set; } = 50;
    /// <summary>CIDR ranges (an Exchange or Postfix server) that may relay without AUTH.</summary>
    public List<string> TrustedNetworks { get; set; } = [];
    /// <summary>Sender domains trusted connectors may use; empty accepts any sender from them.</summary>
    public List<string> Domains { get; set; } = [];
    /// <summary>Refuse AUTH on a connection without TLS, except from loopback (RFC 8314 spirit).</summary>
    public bool RequireTlsForAuth { get; set; } = true;
    /// <summary>Local clients (a script on the server itself) may AUTH without TLS: nothing crosses a network.</summary>
    public bool AllowClearTextAuthFromLoopback { get; set; } = true;
    /// <summary>How long a command line may take to arrive, from the previous reply to its CRLF (Postfix: <c>smtpd_timeout</c>, 300 s); then 221 and the connection ends.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long the whole message may take to arrive after DATA; then 421 4.4.2 and the connection ends, nothing stored. 10 min carries 35 MB over 0.5 Mbit/s.</summary>
    public TimeSpan DataTimeout { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>The longest a session may last, whatever it does.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Simultaneous sessions per client address (Postfix: <c>smtpd_client_connection_count_limit</c>, 50); trusted networks are exempt; 0 means no limit.</summary>
    public int ClientConnectionCountLimit { get; set; } = 50;
    /// <summary>Failed AUTH attempts from one address, within <see cref="FailedLoginWindow"/>, before it must wait.</summary>
    public int MaxFailedLogins { get; set; } = 10;
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(10);
}
