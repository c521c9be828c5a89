using Envoi.Core.Green.Images;
using Envoi.Core.Signatures.Templates;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Signatures;

/// <summary>The uploaded originals of optimized images, in the same row as the copy served, so they are deleted together.</summary>
public sealed class AssetOriginalStore(EnvoiDbFactory factory, TimeProvider clock) : IAssetOriginals
{
    public async Task SaveAsync(SignatureAsset served, SignatureAsset original, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        var row = await db.SignatureAssets.FirstOrDefaultAsync(a => a.Name == served.Name, ct);
        if (row is null) db.SignatureAssets.Add(row = new Schema.SignatureAssetRow { Name = served.Name, ContentType = "", Content = [] });
        row.ContentType = served.ContentType;
        row.Content = served.Content;
        row.OriginalContentType = original.ContentType;
        row.OriginalContent = original.Content;
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
    }

    public async Task<SignatureAsset?> OriginalAsync(string name, CancellationToken ct)
    {
        await using var db = factory.Create();
        var row = await db.SignatureAssets.AsNoTracking().Where(a => a.Name == name && a.OriginalContent != null)
            .Select(a => new { a.Name, a.OriginalContentType, a.OriginalContent }).FirstOrDefaultAsync(ct);
        return row is null ? null : new SignatureAsset(row.Name, row.OriginalContentType ?? "application/octet-stream", row.OriginalContent!);
    }

    public async Task<IReadOnlyDictionary<string, int>> OriginalSizesAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.SignatureAssets.AsNoTracking().Where(a => a.OriginalContent != null)
            .Select(a => new { a.Name, Bytes = a.OriginalContent!.Length }).ToDictionaryAsync(a => a.Name, a => a.Bytes, StringComparer.Ordinal, ct);
    }
}
