using Envoi.Core.Users;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Users;

public sealed class ServiceTokenStore(EnvoiDbFactory factory) : IServiceTokenStore
{
    public async Task AddAsync(string purpose, string name, string tokenHash, CancellationToken ct)
    {
        using var turn = await factory.WriteTurnAsync(ct);
        await using var db = factory.Create();
        db.ServiceTokens.Add(new ServiceTokenRow { Purpose = purpose, Name = name, TokenHash = tokenHash, CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> IsValidAsync(string purpose, string tokenHash, CancellationToken ct)
    {
        await using var db = factory.Create();
        return await db.ServiceTokens.AnyAsync(t => t.Purpose == purpose && t.TokenHash == tokenHash, ct);
    }
}
