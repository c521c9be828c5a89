namespace Envoi.Core.Storage;

/// <summary>
/// One place Envoi keeps data: a database table, the database file, a folder of the data directory.
/// <paramref name="Bytes"/> is null where the store cannot say cheaply (a table's share of a SQLite file).
/// </summary>
public sealed record StoreSize(string Name, string Location, long? Bytes, long Items, string ItemKind);

/// <summary>What every store holds now, and how long finished mail is kept.</summary>
public sealed record StorageReport(IReadOnlyList<StoreSize> Stores, TimeSpan Retention, DateTimeOffset MeasuredAt);

/// <summary>Measures some of Envoi's stores (the database, the data directory's folders).</summary>
public interface IStorageProbe
{
    Task<IReadOnlyList<StoreSize>> MeasureAsync(CancellationToken ct);
}
