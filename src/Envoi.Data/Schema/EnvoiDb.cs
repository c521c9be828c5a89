using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Schema;

/// <summary>
/// The whole schema. It is subclassed once per provider (<see cref="SqliteEnvoiDb"/>,
/// <see cref="PostgresEnvoiDb"/>) only so that each provider keeps its own migrations.
/// </summary>
public abstract class EnvoiDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<UserRow> Users => Set<UserRow>();
    public DbSet<AliasRow> Aliases => Set<AliasRow>();
    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();
    public DbSet<MessageRow> Messages => Set<MessageRow>();
    public DbSet<RecipientRow> Recipients => Set<RecipientRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.Email).IsUnique();
            e.Property(u => u.Email).HasMaxLength(254);
            e.HasMany(u => u.Aliases).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AliasRow>(e =>
        {
            e.ToTable("aliases");
            e.HasKey(a => a.Address);
            e.Property(a => a.Address).HasMaxLength(254);
        });
        model.Entity<ApiTokenRow>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<UserRow>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<MessageRow>(e =>
        {
            e.ToTable("messages");
            e.Property(m => m.Id).HasMaxLength(16);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Origin).HasConversion<string>().HasMaxLength(24);
            // The scheduler's question, asked several times a second: what is due?
            e.HasIndex(m => new { m.Status, m.ReleaseAt });
            e.HasIndex(m => new { m.UserId, m.ReceivedAt });
            e.HasIndex(m => m.ClaimToken);
            e.HasMany(m => m.Recipients).WithOne().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RecipientRow>(e =>
        {
            e.ToTable("recipients");
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => r.MessageId);
        });
    }
}

public sealed class SqliteEnvoiDb(DbContextOptions<SqliteEnvoiDb> options) : EnvoiDb(options);

public sealed class PostgresEnvoiDb(DbContextOptions<PostgresEnvoiDb> options) : EnvoiDb(options);
