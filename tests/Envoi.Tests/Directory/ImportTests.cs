using System.Text;
using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary>Directory import on a real database: the upsert, the report, and every kind of bad file.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync() => _envoi = await EnvoiTestHost.StartAsync();

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task<ImportReport> ImportCsvAsync(string csv, bool dryRun = false, bool deactivateMissing = false, Encoding? encoding = null)
    {
        var import = _envoi.Get<DirectoryImport>();
        var bytes = (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(csv)).ToArray();
        var rows = CsvDirectoryReader.ReadAsync(new MemoryStream(bytes), await import.AttributesAsync(default));
        return await import.RunAsync(rows, new ImportOptions("test", "test.csv", dryRun, deactivateMissing), null, default);
    }

    private Task<Employee?> FindAsync(string email) => _envoi.Get<IDirectoryStore>().FindAsync(email, default);

    [Fact]
    public async Task Import_creates_then_is_idempotent_then_updates_only_what_changed()
    {
        const string csv = "email;displayName;jobTitle;mobile\nalice@example.com;Alice Martin;CFO;+33 6 12 34 56 78\nbob@example.com;Bob Stone;Engineer;\n";
        var first = await ImportCsvAsync(csv);
        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        var second = await ImportCsvAsync(csv);
        Assert.Equal((0, 0, 2), (second.Created, second.Updated, second.Unchanged));
        var third = await ImportCsvAsync("email,jobTitle\nALICE@example.com,CEO\n");
        Assert.Equal((0, 1, 0), (third.Created, third.Updated, third.Unchanged));
        var alice = await FindAsync("alice@example.com");
        Assert.Equal("CEO", alice!["jobTitle"]);
        Assert.Equal("Alice Martin", alice["displayName"]); // a column absent from the file keeps its value
        Assert.Null((await FindAsync("bob@example.com"))!["mobile"]);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_line_numbers_and_change_nothing()
    {
        var csv = new StringBuilder("email;displayName;phone;linkedin\n")
            .Append("good@example.com;Good;+33 1 23 45 67 89;https://www.linkedin.com/in/good\n")        // line 2
            .Append("not-an-email;Bad;;\n")                                                             // line 3
            .Append("phone@example.com;Phone;call me maybe;\n")                                         // line 4
            .Append("url@example.com;Url;;linkedin.com/in/url\n")                                      // line 5
            .Append("good@example.com;Twice;;\n")                                                       // line 6
            .Append("short@example.com;Only two cells\n")                                              // line 7
            .Append("huge@example.com;").Append('x', 10 * 1024 * 1024).Append(";;\n")                   // line 8
            .Append("quote@example.com;\"Unclosed;;\n")                                                 // line 9
            .ToString();
        var report = await ImportCsvAsync(csv);
        Assert.Equal(1, report.Created);
        var byLine = report.Rejected.ToDictionary(r => r.Line);
        Assert.Contains("is not an email address", byLine[3].Reasons.Single());
        Assert.Contains("Phone (phone) is not a phone number", byLine[4].Reasons.Single());
        Assert.Contains("LinkedIn profile (linkedin) is not a web address", byLine[5].Reasons.Single());
        Assert.Contains("already appears on line 2", byLine[6].Reasons.Single());
        Assert.Contains("2 cells, but the header has 4 columns", byLine[7].Reasons.Single());
        Assert.Contains("10485760 characters", byLine[8].Reasons.Single());
        Assert.True(report.Rejected.Count >= 6);
        Assert.Null(await FindAsync("phone@example.com"));
        Assert.Null(await FindAsync("huge@example.com"));
        Assert.Equal("Good", (await FindAsync("good@example.com"))!["displayName"]);
    }

    [Theory]
    [InlineData("email;departement\na@example.com;Sales\n", "'departement' is not an attribute")]
    [InlineData("displayName;jobTitle\nAlice;CFO\n", "there is no 'email' column")]
    [InlineData("email;jobTitle;JobTitle\na@example.com;x;y\n", "appears twice")]
    [InlineData("", "empty")]
    public async Task Bad_header_refuses_the_whole_file(string csv, string reason)
    {
        var error = await Assert.ThrowsAnyAsync<ImportFileException>(() => ImportCsvAsync(csv));
        Assert.Contains(reason, error.Message);
        Assert.Empty((await _envoi.Get<IDirectoryStore>().SnapshotAsync(default)));
    }

    [Fact]
    public async Task Bom_and_comma_separator_and_quoted_cells_are_read()
    {
        var report = await ImportCsvAsync("email,displayName,officeAddress\r\nalice@example.com,\"Martin, Alice\",\"1 rue de la Paix; Paris\"\r\n", encoding: new UTF8Encoding(true));
        Assert.Equal(1, report.Created);
        var alice = await FindAsync("alice@example.com");
        Assert.Equal("Martin, Alice", alice!["displayName"]);
        Assert.Equal("1 rue de la Paix; Paris", alice["officeAddress"]);
    }

    [Fact]
    public async Task Aliases_column_sets_other_addresses_that_nobody_else_may_hold()
    {
        var report = await ImportCsvAsync("email;aliases;jobTitle\nalice@example.com;ali@example.com sales@example.com;CFO\nbob@example.com;SALES@example.com;Engineer\ncarol@example.com;not-an-address;Clerk\n");
        Assert.Equal(1, report.Created);
        Assert.Contains("alias sales@example.com already belongs to alice@example.com", report.Rejected.Single(r => r.Line == 3).Reasons.Single());
        Assert.Contains("alias 'not-an-address' is not an email address", report.Rejected.Single(r => r.Line == 4).Reasons.Single());
        Assert.Equal("alice@example.com", (await FindAsync("sales@example.com"))!.Email); // found by alias
        Assert.Equal(["ali@example.com", "sales@example.com"], (await FindAsync("alice@example.com"))!.Aliases);

        var again = await ImportCsvAsync("email;aliases\nalice@example.com;ali@example.com\n");
        Assert.Equal(1, again.Updated);
        Assert.Equal(["ali@example.com"], (await FindAsync("alice@example.com"))!.Aliases);
        Assert.Equal(1, (await ImportCsvAsync("email;aliases\nbob@example.com;sales@example.com\n")).Created); // freed, so Bob may take it
    }

    [Fact]
    public async Task Dry_run_reports_without_changing_anything()
    {
        var report = await ImportCsvAsync("email;jobTitle\nalice@example.com;CFO\n", dryRun: true);
        Assert.True(report.DryRun);
        Assert.Equal(1, report.Created);
        Assert.Null(await FindAsync("alice@example.com"));
    }

    [Fact]
    public async Task Deactivate_missing_deactivates_only_imported_employees_and_a_later_import_reactivates()
    {
        await ImportCsvAsync("email;jobTitle\nalice@example.com;CFO\nbob@example.com;Engineer\n");
        await _envoi.Get<DirectoryService>().SetDirectoryValuesAsync("admin", "carol@example.com", new Dictionary<string, string?> { ["jobTitle"] = "Admin-made" }, default);

        var report = await ImportCsvAsync("email;jobTitle\nalice@example.com;CFO\n", deactivateMissing: true);
        Assert.Equal(1, report.Deactivated);
        Assert.False((await FindAsync("bob@example.com"))!.Active);
        Assert.True((await FindAsync("carol@example.com"))!.Active);

        var again = await ImportCsvAsync("email;jobTitle\nbob@example.com;Engineer\n");
        Assert.Equal(1, again.Updated);
        Assert.True((await FindAsync("bob@example.com"))!.Active);
    }

    [Fact]
    public async Task Import_never_touches_employee_overrides()
    {
        await ImportCsvAsync("email;mobile\nalice@example.com;+33 6 00 00 00 00\n");
        var directory = _envoi.Get<DirectoryService>();
        Assert.True((await directory.UpdateMyAttributesAsync("alice@example.com", new Dictionary<string, string?> { ["mobile"] = "+33 6 11 11 11 11" }, default)).Succeeded);
        await ImportCsvAsync("email;mobile\nalice@example.com;+33 6 22 22 22 22\n");
        var values = await directory.EffectiveValuesAsync("alice@example.com", default);
        Assert.Equal("+33 6 11 11 11 11", values!["mobile"]);
    }

    [Fact]
    public async Task Json_import_and_export_round_trip()
    {
        var import = _envoi.Get<DirectoryImport>();
        const string json = """[{"email": "alice@example.com", "displayName": "Alice", "phone": "+33 1 23 45 67 89"}, {"email": "bob@example.com", "jobTitle": 42}, {"email": "x@example.com", "groups": ["a"]}, "nope"]""";
        var rows = JsonDirectoryReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), await import.AttributesAsync(default));
        var report = await import.RunAsync(rows, new ImportOptions("test", "test.json"), null, default);
        Assert.Equal(2, report.Created);
        Assert.Equal([3L, 4L], report.Rejected.Select(r => r.Line));
        Assert.Equal("42", (await FindAsync("bob@example.com"))!["jobTitle"]);

        var exported = new MemoryStream();
        Assert.Equal(2, await _envoi.Get<DirectoryExport>().WriteCsvAsync(exported, default));
        var text = Encoding.UTF8.GetString(exported.ToArray());
        Assert.StartsWith("email,displayName,jobTitle,phone", text);
        var reimport = await ImportCsvAsync(text);
        Assert.Equal(2, reimport.Unchanged);
    }

    [Fact]
    public async Task Cli_import_prints_the_report_and_fails_on_rejected_rows()
    {
        var file = Path.Combine(_envoi.DataDirectory, "people.csv");
        await File.WriteAllTextAsync(file, "email;jobTitle\nalice@example.com;CFO\nnot-an-address;Nope\n");
        var (exit, output) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "import", file);
        Assert.Equal(1, exit);
        Assert.Contains("1 created", output);
        Assert.Contains("1 rejected", output);
        Assert.Contains("line 3 (not-an-address)", output);

        var (exportExit, csv) = await EnvoiCli.RunAsync(_envoi.Settings, "directory", "export");
        Assert.Equal(0, exportExit);
        Assert.Contains("alice@example.com,CFO", csv);
    }
}
