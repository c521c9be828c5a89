using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Mail.Accept;
using Envoi.Mail.Deliver;
using Envoi.Mail.Dkim;

namespace Envoi.Hosting;

/// <summary>
/// Everything Envoi can be told, bound from (lowest to highest) built-in defaults,
/// <c>appsettings.json</c> in the working directory, <c>appsettings.json</c> in the data
/// directory, <c>ENVOI_</c> environment variables (<c>ENVOI_Upstream__Url</c>) and the command line.
/// </summary>
public sealed class EnvoiSettings
{
    public string DataDirectory { get; set; } = "data";
    /// <summary>Empty: SQLite in the data directory. Else a postgres:// URL or a connection string.</summary>
    public string? Database { get; set; }
    /// <summary>Host name in the SMTP greeting, Received headers and bounces.</summary>
    public string HostName { get; set; } = Environment.MachineName.ToLowerInvariant();
    public string? Postmaster { get; set; }
    public HttpSettings Http { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public HoldOptions Hold { get; set; } = new();
    public QueueOptions Queue { get; set; } = new();
    public Envoi.Mail.Spool.SpoolOptions Spool { get; set; } = new();
    public UpstreamOptions Upstream { get; set; } = new();
    public Envoi.Data.Ldap.LdapOptions Ldap { get; set; } = new();
    public Envoi.Core.Checks.CheckOptions Checks { get; set; } = new();
    public Envoi.Core.Signatures.SignatureOptions Signatures { get; set; } = new();
    public DkimOptions Dkim { get; set; } = new();
    public Envoi.Core.Green.GreenOptions Green { get; set; } = new();
    public Envoi.Core.Tracking.TrackingOptions Tracking { get; set; } = new();
    public Envoi.Web.Addin.AddinOptions Addin { get; set; } = new();
}

public sealed class HttpSettings
{
    public string Listen { get; set; } = "127.0.0.1:8025";
    /// <summary>How people's browsers reach Envoi (links in notices); empty: http://LISTEN.</summary>
    public string? PublicBaseUrl { get; set; }
}
