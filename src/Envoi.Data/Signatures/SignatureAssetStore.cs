using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Signatures;

/// <summary>Images for signatures (logos, social icons), kept in the database so every node serves the same ones.</summary>
public sealed class SignatureAssetStore(EnvoiDbFactory factory, TimeProvider clock) : ISignatureAssetStore
{
    public async Task<SignatureAsset?> FindAsync(string name, CancellationToken ct)
    {
        await using var db = factory.Create();
        var row = await db.SignatureAssets.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, ct);
        return row is null ? null : new SignatureAsset(row.Name, row.ContentType, row.Content);
    }

    public async Task<IReadOnlyList<AssetInfo>> ListAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        var rows = await db.SignatureAssets.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Name, a.ContentType, Bytes = a.Content.Length, a.UpdatedAt })
            .ToListAsync(ct);
        return rows.Select(a => new AssetInfo(a.Name, a.ContentType, a.Bytes, DateTimeOffset.FromUnixTimeMilliseconds(a.UpdatedAt))).ToList();
    }

    public async Task SaveAsync(SignatureAsset asset, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var row = await db.SignatureAssets.FirstOrDefaultAsync(a => a.Name == asset.Name, ct);
        if (row is null) db.SignatureAssets.Add(row = new SignatureAssetRow { Name = asset.Name, ContentType = "", Content = [] });
        row.ContentType = asset.ContentType;
        row.Content = asset.Content;
        // What is served is now the upload itself: no optimized copy, no separate original.
        row.OriginalContent = null;
        row.OriginalContentType = null;
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        return await db.SignatureAssets.Where(a => a.Name == name).ExecuteDeleteAsync(ct) > 0;
    }
}
