using Envoi.Core.Directory;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary>
/// `envoi directory import` on files shaped like the real "Download users" exports of Entra ID and
/// Google Workspace and Okta's user CSV: their headers map to attributes without any option.
/// </summary>
public sealed class ExportHeaderImportTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync() => _envoi = await EnvoiTestHost.StartAsync();

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private static string Export(string name) => Path.Combine(AppContext.BaseDirectory, "Directory", "exports", name);

    private Task<Employee?> FindAsync(string email) => _envoi.Get<IDirectoryStore>().FindAsync(email, default);

    [Fact]
    public async Task Entra_download_users_csv_imports_as_it_comes()
    {
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", Export("entra-download-users.csv"));
        Assert.True(exit == 0, output);
        Assert.Contains("2 created", output);
        var alice = (await FindAsync("alice.martin@example.com"))!;
        Assert.Equal(("Alice", "Martin", "Chief Financial Officer", "Finance"), (alice["firstName"], alice["lastName"], alice["jobTitle"], alice["department"]));
        Assert.Equal(("+33 1 23 45 67 89", "+33 6 12 34 56 78", "Paris HQ", "Example SA"), (alice["phone"], alice["mobile"], alice["officeAddress"], alice["company"]));
        // Bob's mail is empty: the sign-in name is his address; his display name comes from his names.
        var bob = (await FindAsync("bob.stone@example.com"))!;
        Assert.Equal("Bob Stone", bob["displayName"]);
    }

    [Fact]
    public async Task Google_workspace_download_users_csv_imports_as_it_comes()
    {
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", Export("google-download-users.csv"));
        Assert.True(exit == 0, output);
        var carol = (await FindAsync("carol.dupont@example.com"))!;
        Assert.Equal(("Carol Dupont", "Account Manager", "Sales", "alice.martin@example.com"), (carol["displayName"], carol["jobTitle"], carol["department"], carol["manager"]));
        Assert.Equal(("+33 1 98 76 54 32", "+33 6 98 76 54 32", "3 place Bellecour, Lyon"), (carol["phone"], carol["mobile"], carol["officeAddress"]));
        Assert.Null(carol["email-usage"]);
    }

    [Fact]
    public async Task Okta_user_csv_imports_and_an_empty_email_falls_back_to_the_login()
    {
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", Export("okta-users.csv"));
        Assert.True(exit == 0, output);
        var erin = (await FindAsync("erin.leroy@example.com"))!;
        Assert.Equal(("Product Manager", "Example SA", "Example France", "+33 1 11 22 33 44", "fr"), (erin["jobTitle"], erin["company"], erin["subsidiary"], erin["phone"], erin["preferredLanguage"]));
        var frank = (await FindAsync("frank.petit@example.com"))!;
        Assert.Equal(("Frank Petit", "en_US"), (frank["displayName"], frank["preferredLanguage"]));
    }

    [Fact]
    public async Task Dry_run_shows_the_column_mapping_and_changes_nothing()
    {
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", Export("entra-download-users.csv"), "--dry-run");
        Assert.True(exit == 0, output);
        Assert.Matches(@"givenName\s+-> firstName \(Entra ID column\)", output);
        Assert.Matches(@"mail\s+-> email \(Entra ID column, first choice\)", output);
        Assert.Matches(@"userPrincipalName\s+-> email \(Entra ID column, when mail is empty\)", output);
        Assert.Matches(@"accountEnabled\s+not used", output);
        Assert.Contains("2 would be created", output);
        Assert.Null(await FindAsync("alice.martin@example.com"));
    }

    [Fact]
    public async Task Unknown_columns_are_listed_then_ignored_or_mapped_on_request()
    {
        var file = Path.Combine(_envoi.DataDirectory, "hr.csv");
        await File.WriteAllTextAsync(file, "Work Email,Badge,Team Name\nann@example.com,1234,Support\n");
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", file);
        Assert.Equal(1, exit);
        Assert.Contains("'Work Email' (column 1), 'Badge' (column 2), 'Team Name' (column 3)", output);
        Assert.Contains("--ignore-unknown", output);
        Assert.Empty(await _envoi.Get<IDirectoryStore>().SnapshotAsync(default));

        (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", file, "--map", "work email=email", "--map", "Team Name=department", "--map", "Badge=nope");
        Assert.Equal(1, exit);
        Assert.Contains("'nope' is not an attribute", output);

        (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", file, "--map", "work email=email", "--map", "Team Name=department", "--ignore-unknown");
        Assert.True(exit == 0, output);
        Assert.Contains("Warning: 1 column(s) are not attributes and were ignored: 'Badge'", output);
        Assert.Equal("Support", (await FindAsync("ann@example.com"))!["department"]);
    }

    [Fact]
    public async Task Report_warns_about_fields_the_templates_use_that_rows_leave_empty()
    {
        await _envoi.Get<SignatureAdministration>().SaveTemplateAsync("test", DefaultTemplates.Corporate, default);
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", Export("google-download-users.csv"));
        Assert.True(exit == 0, output);
        Assert.Contains("Warning: jobTitle is empty for 1 of 2 employees; the signature templates use it (corporate)", output);
        Assert.Contains("Warning: phone is empty for 1 of 2 employees", output);
        Assert.DoesNotContain("displayName is empty", output);
    }
}
