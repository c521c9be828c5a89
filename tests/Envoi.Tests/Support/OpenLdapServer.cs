using System.Diagnostics;

namespace Envoi.Tests.Support;

/// <summary>
/// A throwaway OpenLDAP (Debian's slapd) on a loopback port with its own configuration and
/// database, loaded from LDIF; <see cref="ModifyAsync"/> changes entries like an HR system would.
/// </summary>
public sealed class OpenLdapServer : IAsyncDisposable
{
    public const string Suffix = "dc=example,dc=com";
    public const string AdminDn = "cn=admin,dc=example,dc=com";
    public const string AdminPassword = "ldap-secret";

    private readonly Process _slapd;
    private readonly string _directory;

    private OpenLdapServer(Process slapd, string directory, int port)
    {
        _slapd = slapd;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"ldap://127.0.0.1:{Port}";

    public static async Task<OpenLdapServer> StartAsync(string ldif)
    {
        if (!File.Exists("/usr/sbin/slapd")) throw new InvalidOperationException("slapd is missing: apt-get install -y slapd ldap-utils (bash .ci/run does it).");
        var directory = TempDirectory.Create("slapd");
        Directory.CreateDirectory(Path.Combine(directory, "db"));
        var config = Path.Combine(directory, "slapd.conf");
        await File.WriteAllTextAsync(config, $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            pidfile {directory}/slapd.pid
            sizelimit 100000
            database mdb
            maxsize 104857600
            suffix "{Suffix}"
            rootdn "{AdminDn}"
            rootpw {AdminPassword}
            directory {directory}/db
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "data.ldif"), ldif);
        await Processes.RunAsync("/usr/sbin/slapadd", "-f", config, "-l", Path.Combine(directory, "data.ldif"));
        var port = FreePort.Next();
        var slapd = Process.Start(new ProcessStartInfo("/usr/sbin/slapd", ["-d", "0", "-f", config, "-h", $"ldap://127.0.0.1:{port}/"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        slapd.ErrorDataReceived += (_, _) => { };
        slapd.BeginErrorReadLine();
        var server = new OpenLdapServer(slapd, directory, port);
        if (await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10))) return server;
        await server.DisposeAsync();
        throw new InvalidOperationException("slapd did not start.");
    }

    /// <summary>Applies an LDIF change (ldapmodify) as the directory administrator.</summary>
    public async Task ModifyAsync(string ldif)
    {
        var file = Path.Combine(_directory, $"change-{Guid.NewGuid():N}.ldif");
        await File.WriteAllTextAsync(file, ldif);
        await Processes.RunAsync("ldapmodify", "-x", "-H", Url, "-D", AdminDn, "-w", AdminPassword, "-f", file);
    }

    public async ValueTask DisposeAsync()
    {
        try { _slapd.Kill(); await _slapd.WaitForExitAsync(); } catch (InvalidOperationException) { }
        _slapd.Dispose();
        TempDirectory.Delete(_directory);
    }
}
