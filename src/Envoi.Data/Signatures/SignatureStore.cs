using System.Text.Json;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Rules;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Signatures;

/// <summary>
/// Templates, rules and employees' choices in the database. Templates and rules are read for every
/// released message, so they are kept in memory: a change made through this node applies at once,
/// one made through another node within <see cref="SignatureOptions.CacheDuration"/>.
/// </summary>
public sealed class SignatureStore(EnvoiDbFactory factory, SignatureOptions options, TimeProvider clock) : ISignatureStore
{
    private sealed record Snapshot(IReadOnlyList<SignatureTemplate> Templates, IReadOnlyList<SignatureRule> Rules, DateTimeOffset ReadAt);

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<SignatureTemplate>> TemplatesAsync(CancellationToken ct) => (await CurrentAsync(ct)).Templates;

    public async Task<SignatureTemplate?> TemplateAsync(string name, CancellationToken ct) =>
        (await CurrentAsync(ct)).Templates.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public async Task<IReadOnlyList<SignatureRule>> RulesAsync(CancellationToken ct) => (await CurrentAsync(ct)).Rules;

    public async Task SaveTemplateAsync(SignatureTemplate template, CancellationToken ct)
    {
        using (await factory.WriteTurnAsync(ct))
        {
            await using var db = factory.Create();
            var row = await db.SignatureTemplates.FirstOrDefaultAsync(t => t.Name == template.Name, ct);
            if (row is null)
            {
                row = new SignatureTemplateRow { Name = template.Name, Html = "", Text = "", Images = "" };
                db.SignatureTemplates.Add(row);
            }
            row.Html = template.Html;
            row.Text = template.Text;
            row.Images = template.Images.ToString();
            row.Description = template.Description;
            row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(ct);
        }
        _snapshot = null;
    }

    public async Task<bool> DeleteTemplateAsync(string name, CancellationToken ct)
    {
        int deleted;
        using (await factory.WriteTurnAsync(ct))
        {
            await using var db = factory.Create();
            deleted = await db.SignatureTemplates.Where(t => t.Name == name).ExecuteDeleteAsync(ct);
            await db.EmployeeSignatures.Where(s => s.Signature == name).ExecuteDeleteAsync(ct);
        }
        _snapshot = null;
        return deleted > 0;
    }

    public async Task SaveRulesAsync(IReadOnlyList<SignatureRule> rules, CancellationToken ct)
    {
        using (await factory.WriteTurnAsync(ct))
        {
            await using var db = factory.Create();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SignatureRules.ExecuteDeleteAsync(ct);
            db.SignatureRules.AddRange(rules.Select((r, i) => new SignatureRuleRow { Position = i, Json = JsonSerializer.Serialize(r, RulesJson.Options) }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        _snapshot = null;
    }

    public async Task<EmployeeSignatureChoices> ChoicesAsync(int employeeId, CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.EmployeeSignatures.AsNoTracking().Where(s => s.EmployeeId == employeeId).OrderBy(s => s.Signature).ToListAsync(ct);
        if (rows.Count == 0) return EmployeeSignatureChoices.None;
        var defaults = new Dictionary<SignatureContext, string>();
        foreach (var row in rows)
            foreach (var context in row.Defaults.Split(',', StringSplitOptions.RemoveEmptyEntries))
                if (SignatureContexts.FromWire(context) is { } known) defaults[known] = row.Signature;
        return new EmployeeSignatureChoices(rows.Select(r => r.Signature).ToList(), defaults);
    }

    public async Task SaveChoicesAsync(int employeeId, EmployeeSignatureChoices choices, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.EmployeeSignatures.Where(s => s.EmployeeId == employeeId).ExecuteDeleteAsync(ct);
        db.EmployeeSignatures.AddRange(choices.Allowed.Distinct(StringComparer.OrdinalIgnoreCase).Select(name => new EmployeeSignatureRow
        {
            EmployeeId = employeeId,
            Signature = name,
            Defaults = string.Join(",", choices.Defaults.Where(d => d.Value.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(d => d.Key.ToWire()).Order()),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } cached && now - cached.ReadAt < options.CacheDuration) return cached;
        await using var db = factory.Create();
        var templates = (await db.SignatureTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct))
            .Select(t => new SignatureTemplate(t.Name, t.Html, t.Text, Enum.TryParse<ImageMode>(t.Images, out var mode) ? mode : ImageMode.Hosted, t.Description))
            .ToList();
        var rules = (await db.SignatureRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct))
            .Select(r => JsonSerializer.Deserialize<SignatureRule>(r.Json, RulesJson.Options)!)
            .ToList();
        var snapshot = new Snapshot(templates, rules, now);
        _snapshot = snapshot;
        return snapshot;
    }
}
