using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Schema;

/// <summary>
/// The ten migrations written while Envoi was built were squashed into one initial migration per
/// provider. A database made by them, at their last one, already has exactly the initial schema: its
/// history is rewritten to name the squashed migration instead, so EF finds nothing to apply. A
/// database stopped at an older one would need steps that no longer exist: it is refused, untouched.
/// </summary>
public static class SquashedMigrations
{
    private static readonly string[] Sqlite =
    [
        "20261127035014_Initial", "20261127043125_Signatures", "20261127045800_Green", "20261127050011_Scale",
        "20261127052020_Campaigns", "20261127052358_Scale2", "20261127053443_Roles", "20261127054112_TrackingIndexes",
        "20261127072711_StatsRollups", "20261205222312_Issue19Audit",
    ];

    private static readonly string[] Postgres =
    [
        "20261127035020_Initial", "20261127043131_Signatures", "20261127045803_Green", "20261127050039_Scale",
        "20261127052027_Campaigns", "20261127052414_Scale2", "20261127053517_Roles", "20261127054124_TrackingIndexes",
        "20261127073058_StatsRollups", "20261205222329_Issue19Audit",
    ];

    /// <summary>Rewrites the history of a database made by the squashed migrations; call before migrating, under the migration lock.</summary>
    public static async Task AdoptAsync(EnvoiDb db, CancellationToken ct)
    {
        var squashed = db is SqliteEnvoiDb ? Sqlite : Postgres;
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var old = squashed.Where(applied.Contains).ToList();
        if (old.Count == 0) return;

        var last = squashed[^1];
        if (old.Count != squashed.Length)
            throw new InvalidOperationException(
                $"This database's schema stops at migration '{old.Max(StringComparer.Ordinal)}', older than '{last}', " +
                "the last one this version of Envoi can upgrade from. Start an Envoi build from before the migration squash " +
                "(git 076d51c or earlier) against it once so it reaches that schema, then start this version. Nothing was changed.");

        var initial = db.Database.GetMigrations().First();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Keep the row of the last migration (and its EF product version), renamed; drop the others.
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "__EFMigrationsHistory" SET "MigrationId" = {initial} WHERE "MigrationId" = {last}""", ct);
        foreach (var id in squashed[..^1])
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {id}""", ct);
        await transaction.CommitAsync(ct);
    }
}
