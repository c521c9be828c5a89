using System.CommandLine;
using Envoi.Core.Directory.Import;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Envoi.Cli;

/// <summary><c>envoi directory import|export</c>: the employee directory as CSV or JSON files.</summary>
public static class DirectoryCommand
{
    public static Command Create()
    {
        var command = new Command("directory", "Import and export the employee directory.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(SyncLdap());
        return command;
    }

    private static readonly Option<string?> Format = new("--format") { Description = "csv or json (default: from the file name, else csv)." };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV (header row of attribute names or of an Entra ID, Google Workspace or Okta export; ; or ,) or JSON (array of objects)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show how the columns are read and what would change; change nothing." };
        var deactivate = new Option<bool>("--deactivate-missing") { Description = "Deactivate imported employees the file no longer lists." };
        var ignoreUnknown = new Option<bool>("--ignore-unknown") { Description = "Leave aside CSV columns that are not attributes (listed as a warning) instead of refusing the file." };
        var map = new Option<string[]>("--map") { Description = "COLUMN=ATTRIBUTE, repeatable: read a CSV column into an attribute.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("import", "Create or update employees from a file, keyed by email.") { file, Format, dryRun, deactivate, ignoreUnknown, map };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"envoi: {path.FullName} does not exist."); return 2; }
            var format = FormatOf(parse.GetValue(Format), path.Name);
            if (format is null) { Console.Error.WriteLine("envoi: --format must be csv or json."); return 2; }
            var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(map) ?? [])
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) { Console.Error.WriteLine($"envoi: --map '{pair}' is not COLUMN=ATTRIBUTE."); return 2; }
                pairs[parts[0]] = parts[1];
            }
            if (format == "json" && (pairs.Count > 0 || parse.GetValue(ignoreUnknown))) { Console.Error.WriteLine("envoi: --map and --ignore-unknown apply to CSV files; a JSON file names attributes."); return 2; }
            var columnOptions = new ColumnOptions(parse.GetValue(ignoreUnknown), pairs);

            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var import = services.GetRequiredService<DirectoryImport>();
            var attributes = await import.AttributesAsync(ct);
            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var options = new ImportOptions("cli", path.Name, parse.GetValue(dryRun), parse.GetValue(deactivate));

            ImportReport report;
            try
            {
                if (format == "csv")
                {
                    ImportFileCheck.Verify(stream, csv: true);
                    var columns = await CsvDirectoryReader.ReadColumnsAsync(stream, attributes, columnOptions);
                    if (options.DryRun) PrintColumns(columns);
                    if (columns.IgnoredUnknown.Count > 0)
                        Console.WriteLine($"Warning: {columns.IgnoredUnknown.Count} column(s) are not attributes and were ignored: {string.Join(", ", columns.IgnoredUnknown.Select(c => $"'{c}'"))}.");
                }
                var rows = format == "json" ? JsonDirectoryReader.ReadAsync(stream, attributes, ct) : CsvDirectoryReader.ReadAsync(stream, attributes, columnOptions, ct);
                report = await AnsiConsole.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Importing {path.Name}", maxValue: Math.Max(1, stream.Length));
                        var result = await import.RunAsync(rows, options, new ReadPositionProgress(stream, position => task.Value = position), ct);
                        task.Value = task.MaxValue;
                        return result;
                    });
            }
            catch (ImportFileException e)
            {
                var hint = e is UnknownColumnsException ? " Map them with --map COLUMN=ATTRIBUTE, or leave them aside with --ignore-unknown." : "";
                Console.Error.WriteLine($"envoi: {path.Name} was not imported: {e.Message}{hint}");
                return 1;
            }
            Print(report, format == "json" ? "item" : "line");
            return report.Rejected.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The dry run's first answer: which column fills which attribute, and which are left aside.</summary>
    private static void PrintColumns(ColumnMapping columns)
    {
        Console.WriteLine("Columns:");
        var width = Math.Min(40, columns.Columns.Max(c => c.Header.Length));
        var sources = columns.Attributes.ToDictionary(a => a.Attribute, a => a.Headers);
        foreach (var column in columns.Columns)
        {
            var header = (column.Header.Length == 0 ? $"(column {column.Index + 1})" : column.Header).PadRight(width);
            if (column.Attribute is null) { Console.WriteLine($"  {header}    not used ({column.Reason})"); continue; }
            var others = sources[column.Attribute];
            var order = others.Count > 1 ? $", {(others[0] == column.Header ? "first choice" : $"when {string.Join(" and ", others.TakeWhile(h => h != column.Header))} is empty")}" : "";
            Console.WriteLine($"  {header} -> {column.Attribute} ({column.Reason}{order})");
        }
    }

    private static Command Export()
    {
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("export", "Write the directory in the import format.") { Format, output };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(output);
            var format = FormatOf(parse.GetValue(Format), target?.Name ?? "");
            if (format is null) { Console.Error.WriteLine("envoi: --format must be csv or json."); return 2; }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var export = services.GetRequiredService<DirectoryExport>();
            await using var stream = target is null ? Console.OpenStandardOutput() : new FileStream(target.FullName, FileMode.Create, FileAccess.Write);
            var count = format == "json" ? await export.WriteJsonAsync(stream, ct) : await export.WriteCsvAsync(stream, ct);
            if (target is not null) Console.Error.WriteLine($"Exported {count} employees to {target.FullName}.");
            return 0;
        });
        return command;
    }

    private static Command SyncLdap()
    {
        var url = new Option<string?>("--url") { Description = "ldap://host:port or ldaps://host:port (or Ldap:Url)." };
        var bindDn = new Option<string?>("--bind-dn") { Description = "DN to bind as (or Ldap:BindDn); anonymous when absent." };
        var password = new Option<string?>("--password") { Description = "Bind password (or Ldap:Password / ENVOI_Ldap__Password)." };
        var baseDn = new Option<string?>("--base-dn") { Description = "Where employees are, e.g. ou=people,dc=example,dc=com (or Ldap:BaseDn)." };
        var filter = new Option<string?>("--filter") { Description = "LDAP filter (default (&(objectClass=inetOrgPerson)(mail=*)))." };
        var map = new Option<string[]>("--map") { Description = "ldapAttribute=envoiAttribute, repeatable; replaces the default mapping.", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change; change nothing." };
        var deactivate = new Option<bool>("--deactivate-missing") { Description = "Deactivate employees from earlier LDAP syncs that LDAP no longer lists." };
        var command = new Command("sync-ldap", "Create or update employees from an LDAP directory.") { url, bindDn, password, baseDn, filter, map, dryRun, deactivate };
        command.SetAction(async (parse, ct) =>
        {
            var settings = GlobalOptions.Settings(parse);
            var ldap = settings.Ldap;
            ldap.Url = parse.GetValue(url) ?? ldap.Url;
            ldap.BindDn = parse.GetValue(bindDn) ?? ldap.BindDn;
            ldap.Password = parse.GetValue(password) ?? ldap.Password;
            ldap.BaseDn = parse.GetValue(baseDn) ?? ldap.BaseDn;
            ldap.Filter = parse.GetValue(filter) ?? ldap.Filter;
            if (parse.GetValue(map) is { Length: > 0 } pairs)
            {
                ldap.Mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in pairs)
                {
                    var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) { Console.Error.WriteLine($"envoi: --map '{pair}' is not ldapAttribute=envoiAttribute."); return 2; }
                    ldap.Mapping[parts[0]] = parts[1];
                }
            }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var import = services.GetRequiredService<DirectoryImport>();
            try
            {
                var rows = await Data.Ldap.LdapDirectorySource.ReadAsync(ldap, await import.AttributesAsync(ct), ct);
                var report = await import.RunAsync(rows, new ImportOptions("ldap-sync", ldap.Url!, parse.GetValue(dryRun), parse.GetValue(deactivate), Source: "ldap"), null, ct);
                Print(report, "entry");
                return report.Rejected.Count == 0 ? 0 : 1;
            }
            catch (ImportFileException e)
            {
                Console.Error.WriteLine($"envoi: LDAP sync failed, nothing was changed: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static string? FormatOf(string? option, string fileName) => (option?.ToLowerInvariant()) switch
    {
        "csv" => "csv",
        "json" => "json",
        null => fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv",
        _ => null,
    };

    private static void Print(ImportReport report, string position)
    {
        var would = report.DryRun ? "would be " : "";
        Console.WriteLine($"{(report.DryRun ? "Dry run: nothing was changed. " : "")}{report.Rows} rows read in {report.Duration.TotalSeconds:0.0} s: " +
                          $"{report.Created} {would}created, {report.Updated} {would}updated, {report.Unchanged} unchanged, " +
                          $"{report.Deactivated} {would}deactivated, {report.Rejected.Count} rejected.");
        foreach (var row in report.Rejected.Take(200))
            Console.WriteLine($"  {position} {row.Line}{(row.Email is null ? "" : $" ({row.Email})")}: {string.Join("; ", row.Reasons)}");
        if (report.Rejected.Count > 200) Console.WriteLine($"  … and {report.Rejected.Count - 200} more rejected rows.");
        foreach (var field in report.EmptyFields)
            Console.WriteLine($"Warning: {field.Attribute} is empty for {field.Rows} of {report.Created + report.Updated + report.Unchanged} employees; the signature templates use it ({field.Templates}).");
    }
}
