using Envoi.Core.Directory;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary><c>envoi directory sync-ldap</c> against a real OpenLDAP server started on loopback.</summary>
public sealed class LdapSyncTests : IAsyncLifetime
{
    private const string People = """
        dn: dc=example,dc=com
        objectClass: top
        objectClass: dcObject
        objectClass: organization
        o: Example
        dc: example

        dn: ou=people,dc=example,dc=com
        objectClass: organizationalUnit
        ou: people

        dn: uid=boss,ou=people,dc=example,dc=com
        objectClass: inetOrgPerson
        uid: boss
        cn: Barbara Boss
        sn: Boss
        givenName: Barbara
        displayName: Barbara Boss
        mail: barbara@example.com
        title: CEO

        dn: uid=alice,ou=people,dc=example,dc=com
        objectClass: inetOrgPerson
        uid: alice
        cn: Alice Martin
        sn: Martin
        givenName: Alice
        displayName: Alice Martin
        mail: Alice@Example.com
        title: CFO
        departmentNumber: Finance
        telephoneNumber: +33 1 23 45 67 89
        mobile: +33 6 12 34 56 78
        manager: uid=boss,ou=people,dc=example,dc=com

        dn: uid=bad,ou=people,dc=example,dc=com
        objectClass: inetOrgPerson
        uid: bad
        cn: Bad Phone
        sn: Phone
        mail: bad@example.com
        telephoneNumber: ext. twelve

        """;

    private OpenLdapServer _ldap = null!;
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _ldap = await OpenLdapServer.StartAsync(People);
        _envoi = await EnvoiTestHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _envoi.DisposeAsync();
        await _ldap.DisposeAsync();
    }

    private Task<(int Exit, string Output)> SyncAsync(params string[] extra) =>
        EnvoiCli.RunAsync(_envoi.Settings, ["directory", "sync-ldap", "--url", _ldap.Url, "--bind-dn", OpenLdapServer.AdminDn, "--password", OpenLdapServer.AdminPassword,
            "--base-dn", "ou=people,dc=example,dc=com", .. extra]);

    private Task<Employee?> FindAsync(string email) => _envoi.Get<IDirectoryStore>().FindAsync(email, default);

    [Fact]
    public async Task Sync_maps_attributes_resolves_managers_and_reports_bad_entries()
    {
        var (exit, output) = await SyncAsync();
        Assert.Equal(1, exit); // one entry was rejected
        Assert.Contains("2 created", output);
        Assert.Contains("Phone (phone) is not a phone number", output);
        var alice = await FindAsync("alice@example.com");
        Assert.Equal(("Alice Martin", "CFO", "Finance", "+33 6 12 34 56 78", "barbara@example.com", "ldap"),
            (alice!["displayName"], alice["jobTitle"], alice["department"], alice["mobile"], alice["manager"], alice.Source));

        // Idempotent.
        (_, output) = await SyncAsync();
        Assert.Contains("0 created, 0 updated, 2 unchanged", output);
    }

    [Fact]
    public async Task Changes_in_ldap_flow_in_and_removed_entries_are_deactivated()
    {
        await SyncAsync();
        await _ldap.ModifyAsync("""
            dn: uid=alice,ou=people,dc=example,dc=com
            changetype: modify
            replace: title
            title: COO

            dn: uid=boss,ou=people,dc=example,dc=com
            changetype: delete

            """);
        var (_, output) = await SyncAsync("--deactivate-missing");
        Assert.Contains("1 updated", output);
        Assert.Contains("1 deactivated", output);
        Assert.Equal("COO", (await FindAsync("alice@example.com"))!["jobTitle"]);
        Assert.False((await FindAsync("barbara@example.com"))!.Active);
    }

    [Fact]
    public async Task Custom_mapping_and_clear_errors()
    {
        var (exit, output) = await SyncAsync("--map", "mail=email", "--map", "cn=displayName", "--map", "uid=nickname");
        Assert.Equal(1, exit);
        Assert.Contains("'uid' to 'nickname', which is not an attribute", output);

        (exit, output) = await SyncAsync("--map", "mail=email", "--map", "cn=displayName", "--filter", "(uid=alice)");
        Assert.Equal(0, exit);
        Assert.Equal("Alice Martin", (await FindAsync("alice@example.com"))!["displayName"]);
        Assert.Null(await FindAsync("barbara@example.com"));

        (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "sync-ldap", "--url", _ldap.Url, "--bind-dn", OpenLdapServer.AdminDn,
            "--password", "wrong", "--base-dn", "ou=people,dc=example,dc=com");
        Assert.Equal(1, exit);
        Assert.Contains("Cannot bind", output);
    }
}
