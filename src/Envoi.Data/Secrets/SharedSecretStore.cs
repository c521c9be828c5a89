using Envoi.Core;
using Envoi.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Secrets;

/// <summary>
/// <see cref="ISharedSecrets"/> in the <c>shared_secrets</c> table. Rows are inserted with
/// <c>ON CONFLICT DO NOTHING</c> and read back, so nodes starting together agree on one value.
/// Called at start-up and on rare misses only: synchronous on purpose (constructors use it).
/// </summary>
public sealed class SharedSecretStore(EnvoiDbFactory factory) : ISharedSecrets
{
    public byte[] GetOrAdd(string name, byte[] candidate)
    {
        using var turn = factory.WriteTurnAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var db = factory.Create();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Both SQLite and PostgreSQL understand this upsert.
        db.Database.ExecuteSql($"""INSERT INTO shared_secrets ("Name", "Value", "CreatedAt") VALUES ({name}, {candidate}, {now}) ON CONFLICT ("Name") DO NOTHING""");
        return db.SharedSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).Single();
    }

    public IReadOnlyDictionary<string, byte[]> List(string prefix)
    {
        using var db = factory.Create();
        return db.SharedSecrets.AsNoTracking().Where(s => s.Name.StartsWith(prefix)).ToDictionary(s => s.Name, s => s.Value);
    }
}
