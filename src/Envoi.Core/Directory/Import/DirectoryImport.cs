using System.Diagnostics;

namespace Envoi.Core.Directory.Import;

/// <summary>
/// Applies an import file to the directory: an idempotent upsert keyed by email. Each row is
/// checked whole (email, duplicates, every value against its attribute) before anything changes;
/// a rejected row changes nothing and is reported with its line and reasons. Columns absent from
/// the file keep their stored values; an empty cell clears one. Employees' overrides are never
/// touched. With <see cref="ImportOptions.DeactivateMissing"/>, employees from earlier imports that
/// the file no longer lists are deactivated (not deleted). An employee left without a display
/// name gets "firstName lastName", since every signature shows one. The report counts, for each
/// attribute the signature templates read, the imported employees who have no value for it.
/// </summary>
public sealed class DirectoryImport(IDirectoryStore store, AttributeCatalog catalog, IAuditLog audit, TimeProvider clock, IAttributesInUse? inUse = null)
{
    private const int BatchSize = 2000;
    public const string Source = "import";

    public async Task<IReadOnlyList<AttributeDefinition>> AttributesAsync(CancellationToken ct) => await catalog.AllAsync(ct);

    public Task<ImportReport> RunAsync(IEnumerable<ImportRow> rows, ImportOptions options, IProgress<long>? progress, CancellationToken ct) =>
        RunAsync(rows.ToAsyncEnumerable(), options, progress, ct);

    public async Task<ImportReport> RunAsync(IAsyncEnumerable<ImportRow> rows, ImportOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        var timer = Stopwatch.StartNew();
        var attributes = (await catalog.AllAsync(ct)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var existing = await store.SnapshotAsync(ct);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        // Who owns each address (email or alias), so an alias can never point at two people.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var employee in existing.Values)
        {
            owners[employee.Email] = employee.Email;
            foreach (var alias in employee.Aliases) owners[alias] = employee.Email;
        }
        var changes = new List<EmployeeChange>();
        var auditEntries = new List<AuditEntry>();
        var rejected = new List<RejectedRow>();
        int created = 0, updated = 0, unchanged = 0, read = 0;
        var now = clock.GetUtcNow();
        var watched = await WatchedAsync(attributes, ct);
        var empty = new Dictionary<string, int>(StringComparer.Ordinal);

        await foreach (var row in rows.WithCancellation(ct))
        {
            if (++read % 1000 == 0) progress?.Report(read);
            if (row.ReadError is not null) { rejected.Add(new RejectedRow(row.Line, null, [row.ReadError])); continue; }

            var problems = new List<string>();
            var email = row.Cells.GetValueOrDefault(StandardAttributes.Email)?.Trim().ToLowerInvariant() ?? "";
            if (email.Length == 0) problems.Add("the email cell is empty");
            else if (Addresses.AddressSyntax.WhyRefused(email) is { } why) problems.Add($"'{email}' is not an email address ({why})");
            else if (seen.TryGetValue(email, out var firstLine)) problems.Add($"{email} already appears on line {firstLine}");

            IReadOnlyList<string>? aliases = null;
            if (row.Cells.TryGetValue(StandardAttributes.Aliases, out var aliasCell))
                aliases = ParseAliases(aliasCell, email, owners, problems);
            if (email.Length > 0 && owners.TryGetValue(email, out var holder) && holder != email)
                problems.Add($"{email} is already an alias of {holder}");

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, raw) in row.Cells)
            {
                if (name is StandardAttributes.Email or StandardAttributes.Aliases) continue;
                var result = AttributeValidator.Validate(attributes[name], raw);
                if (!result.IsValid) problems.Add(result.Error!);
                else values[name] = result.Value!;
            }
            if (problems.Count > 0) { rejected.Add(new RejectedRow(row.Line, email.Length > 0 ? email : null, problems)); continue; }
            seen[email] = row.Line;
            owners[email] = email;
            foreach (var alias in aliases ?? []) owners[alias] = email;

            existing.TryGetValue(email, out var stored);
            var merged = new Dictionary<string, string>(stored?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (name, value) in values)
            {
                if (value.Length == 0) merged.Remove(name);
                else merged[name] = value;
            }
            DefaultDisplayName(merged);
            foreach (var name in watched.Keys)
                if (!merged.ContainsKey(name)) empty[name] = empty.GetValueOrDefault(name) + 1;
            if (stored is null)
            {
                created++;
                changes.Add(new EmployeeChange(email, Create: true, merged, Active: true, options.Source, Aliases: aliases));
                auditEntries.Add(new AuditEntry(now, options.Actor, "employee.created", email, $"imported from {options.FileName}"));
            }
            else if (!stored.Active || !SameValues(stored.Values, merged) || (aliases is not null && !aliases.SequenceEqual(stored.Aliases)))
            {
                updated++;
                changes.Add(new EmployeeChange(email, Create: false, merged, Active: true, stored.Source,
                    Aliases: aliases is not null && !aliases.SequenceEqual(stored.Aliases) ? aliases : null));
                auditEntries.Add(new AuditEntry(now, options.Actor, "employee.updated", email, $"imported from {options.FileName}: {Describe(stored, merged)}"));
            }
            else unchanged++;
            if (changes.Count >= BatchSize) await FlushAsync(changes, auditEntries, options, now, ct);
        }

        var deactivated = 0;
        if (options.DeactivateMissing)
        {
            foreach (var stored in existing.Values.Where(e => e.Active && e.Source == options.Source && !seen.ContainsKey(e.Email)))
            {
                deactivated++;
                changes.Add(new EmployeeChange(stored.Email, Create: false, null, Active: false, stored.Source));
                auditEntries.Add(new AuditEntry(now, options.Actor, "employee.deactivated", stored.Email, $"not in {options.FileName}"));
            }
        }

        await FlushAsync(changes, auditEntries, options, now, ct);
        progress?.Report(read);
        var emptyFields = empty.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new EmptyField(e.Key, e.Value, watched[e.Key])).ToList();
        return new ImportReport(options.DryRun, read, created, updated, unchanged, deactivated, rejected, timer.Elapsed, emptyFields);
    }

    /// <summary>"firstName lastName" (either alone when only one is known) where the display name is missing.</summary>
    private static void DefaultDisplayName(Dictionary<string, string> values)
    {
        if (values.ContainsKey(StandardAttributes.DisplayName)) return;
        var name = string.Join(' ', new[] { values.GetValueOrDefault("firstName"), values.GetValueOrDefault("lastName") }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (name.Length > 0) values[StandardAttributes.DisplayName] = name;
    }

    /// <summary>The attributes the templates read, by name, with the templates reading each; none without templates.</summary>
    private async Task<Dictionary<string, string>> WatchedAsync(Dictionary<string, AttributeDefinition> attributes, CancellationToken ct)
    {
        var watched = new Dictionary<string, string>(StringComparer.Ordinal);
        if (inUse is null) return watched;
        foreach (var (name, templates) in await inUse.AttributesAsync(ct))
            if (attributes.Values.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } attribute) watched[attribute.Name] = templates;
        return watched;
    }

    /// <summary>Writes the valid rows gathered so far (a transaction per batch), so memory stays flat on large files.</summary>
    private async Task FlushAsync(List<EmployeeChange> changes, List<AuditEntry> auditEntries, ImportOptions options, DateTimeOffset now, CancellationToken ct)
    {
        if (!options.DryRun && changes.Count > 0)
        {
            await store.ApplyAsync(changes, now, ct);
            await audit.WriteAsync(auditEntries, ct);
        }
        changes.Clear();
        auditEntries.Clear();
    }

    /// <summary>Aliases separated by spaces, commas or semicolons; each must be an address nobody else holds.</summary>
    private static List<string> ParseAliases(string cell, string email, Dictionary<string, string> owners, List<string> problems)
    {
        var aliases = new List<string>();
        foreach (var alias in cell.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Select(a => a.ToLowerInvariant()).Distinct())
        {
            if (alias == email) continue;
            if (Addresses.AddressSyntax.WhyRefused(alias) is { } why) problems.Add($"alias '{alias}' is not an email address ({why})");
            else if (owners.TryGetValue(alias, out var owner) && owner != email) problems.Add($"alias {alias} already belongs to {owner}");
            else aliases.Add(alias);
        }
        aliases.Sort(StringComparer.Ordinal);
        return aliases;
    }

    private static bool SameValues(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Describe(StoredEmployee stored, IReadOnlyDictionary<string, string> merged)
    {
        var changed = merged.Keys.Union(stored.Values.Keys)
            .Where(k => stored.Values.GetValueOrDefault(k) != merged.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal).ToList();
        var text = changed.Count > 0 ? "changed " + string.Join(", ", changed) : "no value changed";
        return stored.Active ? text : text + "; reactivated";
    }
}

/// <param name="Source">Who owns the employees this import creates; deactivate-missing only touches that source's.</param>
public sealed record ImportOptions(string Actor, string FileName, bool DryRun = false, bool DeactivateMissing = false, string Source = DirectoryImport.Source);

public sealed record RejectedRow(long Line, string? Email, IReadOnlyList<string> Reasons);

/// <summary>An attribute the signature templates read that the import leaves empty for some employees.</summary>
/// <param name="Rows">Imported rows (created, updated or unchanged) without a value.</param>
/// <param name="Templates">The templates that read it.</param>
public sealed record EmptyField(string Attribute, int Rows, string Templates);

public sealed record ImportReport(bool DryRun, int Rows, int Created, int Updated, int Unchanged, int Deactivated, IReadOnlyList<RejectedRow> Rejected, TimeSpan Duration, IReadOnlyList<EmptyField> EmptyFields);
