using System.Text;
using System.Text.Json;
using CsvHelper;
using Envoi.Core.Csv;

namespace Envoi.Core.Directory.Import;

/// <summary>
/// Writes the directory values (never employees' overrides) of active employees in the format
/// the import reads, so an export can be edited and imported back.
/// </summary>
public sealed class DirectoryExport(IDirectoryStore store, AttributeCatalog catalog)
{
    public async Task<int> WriteCsvAsync(Stream output, CancellationToken ct)
    {
        var attributes = await catalog.AllAsync(ct);
        var employees = await ActiveAsync(ct);
        var columns = attributes.Where(a => employees.Any(e => e.Values.ContainsKey(a.Name))).Select(a => a.Name).ToList();
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CsvFormulaGuard.Configuration());
        var withAliases = employees.Any(e => e.Aliases.Count > 0);
        csv.WriteField(StandardAttributes.Email);
        if (withAliases) csv.WriteField(StandardAttributes.Aliases);
        foreach (var column in columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var employee in employees)
        {
            csv.WriteField(employee.Email);
            if (withAliases) csv.WriteField(string.Join(' ', employee.Aliases));
            foreach (var column in columns) csv.WriteField(employee.Values.GetValueOrDefault(column) ?? "");
            await csv.NextRecordAsync();
        }
        return employees.Count;
    }

    public async Task<int> WriteJsonAsync(Stream output, CancellationToken ct)
    {
        var employees = await ActiveAsync(ct);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var employee in employees)
        {
            json.WriteStartObject();
            json.WriteString(StandardAttributes.Email, employee.Email);
            if (employee.Aliases.Count > 0)
            {
                json.WriteStartArray(StandardAttributes.Aliases);
                foreach (var alias in employee.Aliases) json.WriteStringValue(alias);
                json.WriteEndArray();
            }
            foreach (var (name, value) in employee.Values.OrderBy(v => v.Key, StringComparer.Ordinal)) json.WriteString(name, value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        return employees.Count;
    }

    private async Task<List<StoredEmployee>> ActiveAsync(CancellationToken ct) =>
        (await store.SnapshotAsync(ct)).Values.Where(e => e.Active).OrderBy(e => e.Email, StringComparer.Ordinal).ToList();
}
