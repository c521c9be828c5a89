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
    public DbSet<ServiceTokenRow> ServiceTokens => Set<ServiceTokenRow>();
    public DbSet<MessageRow> Messages => Set<MessageRow>();
    public DbSet<RecipientRow> Recipients => Set<RecipientRow>();
    public DbSet<MessageBodyRow> MessageBodies => Set<MessageBodyRow>();
    public DbSet<EmployeeRow> Employees => Set<EmployeeRow>();
    public DbSet<EmployeeAliasRow> EmployeeAliases => Set<EmployeeAliasRow>();
    public DbSet<OverrideRow> Overrides => Set<OverrideRow>();
    public DbSet<AttributeRow> Attributes => Set<AttributeRow>();
    public DbSet<GroupRow> Groups => Set<GroupRow>();
    public DbSet<GroupMemberRow> GroupMembers => Set<GroupMemberRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<SignatureTemplateRow> SignatureTemplates => Set<SignatureTemplateRow>();
    public DbSet<SignatureRuleRow> SignatureRules => Set<SignatureRuleRow>();
    public DbSet<EmployeeSignatureRow> EmployeeSignatures => Set<EmployeeSignatureRow>();
    public DbSet<SignatureAssetRow> SignatureAssets => Set<SignatureAssetRow>();
    public DbSet<SignatureTrafficRow> SignatureTraffic => Set<SignatureTrafficRow>();
    public DbSet<CampaignRow> Campaigns => Set<CampaignRow>();
    public DbSet<LinkTargetRow> LinkTargets => Set<LinkTargetRow>();
    public DbSet<TrackedLinkRow> TrackedLinks => Set<TrackedLinkRow>();
    public DbSet<ClickRow> Clicks => Set<ClickRow>();
    public DbSet<ClickCountRow> ClickCounts => Set<ClickCountRow>();
    public DbSet<SignedMessageRow> SignedMessages => Set<SignedMessageRow>();
    public DbSet<DayStatsRow> DayStats => Set<DayStatsRow>();
    public DbSet<EmployeeDayStatsRow> EmployeeDayStats => Set<EmployeeDayStatsRow>();
    public DbSet<EmployeeDekadStatsRow> EmployeeDekadStats => Set<EmployeeDekadStatsRow>();
    public DbSet<EmployeeMonthStatsRow> EmployeeMonthStats => Set<EmployeeMonthStatsRow>();
    public DbSet<SignatureDayStatsRow> SignatureDayStats => Set<SignatureDayStatsRow>();
    public DbSet<SignatureDekadStatsRow> SignatureDekadStats => Set<SignatureDekadStatsRow>();
    public DbSet<SignatureMonthStatsRow> SignatureMonthStats => Set<SignatureMonthStatsRow>();
    public DbSet<CampaignDayStatsRow> CampaignDayStats => Set<CampaignDayStatsRow>();
    public DbSet<CampaignDekadStatsRow> CampaignDekadStats => Set<CampaignDekadStatsRow>();
    public DbSet<CampaignMonthStatsRow> CampaignMonthStats => Set<CampaignMonthStatsRow>();
    public DbSet<LinkDayStatsRow> LinkDayStats => Set<LinkDayStatsRow>();
    public DbSet<LinkDekadStatsRow> LinkDekadStats => Set<LinkDekadStatsRow>();
    public DbSet<LinkMonthStatsRow> LinkMonthStats => Set<LinkMonthStatsRow>();
    public DbSet<SharedSecretRow> SharedSecrets => Set<SharedSecretRow>();

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
        model.Entity<ServiceTokenRow>(e =>
        {
            e.ToTable("service_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
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
        model.Entity<SharedSecretRow>(e =>
        {
            e.ToTable("shared_secrets");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(64);
        });
        model.Entity<MessageBodyRow>(e =>
        {
            e.ToTable("message_bodies");
            e.HasKey(b => b.MessageId);
            e.Property(b => b.MessageId).HasMaxLength(16);
            e.HasOne<MessageRow>().WithOne().HasForeignKey<MessageBodyRow>(b => b.MessageId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RecipientRow>(e =>
        {
            e.ToTable("recipients");
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => r.MessageId);
        });
        model.Entity<EmployeeRow>(e =>
        {
            e.ToTable("employees");
            e.HasIndex(x => x.Email).IsUnique();
            e.HasIndex(x => x.ExternalId);
            e.HasIndex(x => x.UserName);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasMany(x => x.Aliases).WithOne().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<EmployeeAliasRow>(e =>
        {
            e.ToTable("employee_aliases");
            e.HasKey(a => a.Address);
        });
        model.Entity<OverrideRow>(e =>
        {
            e.ToTable("employee_overrides");
            e.HasKey(o => new { o.EmployeeId, o.Attribute });
            e.HasOne<EmployeeRow>().WithMany().HasForeignKey(o => o.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AttributeRow>(e =>
        {
            e.ToTable("attribute_definitions");
            e.HasKey(a => a.Name);
            e.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Right).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<GroupRow>(e =>
        {
            e.ToTable("groups");
            e.HasIndex(g => g.Name).IsUnique();
        });
        model.Entity<GroupMemberRow>(e =>
        {
            e.ToTable("group_members");
            e.HasKey(m => new { m.GroupId, m.EmployeeId });
            e.HasOne<GroupRow>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EmployeeRow>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(a => new { a.Subject, a.At });
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Actor, a.At });
        });
        model.Entity<SignatureTemplateRow>(e =>
        {
            e.ToTable("signature_templates");
            e.HasKey(t => t.Name);
            e.Property(t => t.Name).HasMaxLength(64);
            e.Property(t => t.Images).HasMaxLength(16);
        });
        model.Entity<SignatureRuleRow>(e =>
        {
            e.ToTable("signature_rules");
            e.HasKey(r => r.Position);
            e.Property(r => r.Position).ValueGeneratedNever();
        });
        model.Entity<EmployeeSignatureRow>(e =>
        {
            e.ToTable("employee_signatures");
            e.HasKey(s => new { s.EmployeeId, s.Signature });
            e.Property(s => s.Signature).HasMaxLength(64);
            e.HasOne<EmployeeRow>().WithMany().HasForeignKey(s => s.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SignatureAssetRow>(e =>
        {
            e.ToTable("signature_assets");
            e.HasKey(a => a.Name);
            e.Property(a => a.Name).HasMaxLength(128);
            e.Property(a => a.ContentType).HasMaxLength(64);
            e.Property(a => a.OriginalContentType).HasMaxLength(64);
        });
        // Green IT: one row per day, signature and sender, incremented in place.
        model.Entity<SignatureTrafficRow>(e =>
        {
            e.ToTable("signature_traffic");
            e.HasKey(t => new { t.Day, t.Signature, t.EmployeeId });
            e.Property(t => t.Signature).HasMaxLength(64);
        });
        TrackingModel.Configure(model);
    }
}

public sealed class SqliteEnvoiDb(DbContextOptions<SqliteEnvoiDb> options) : EnvoiDb(options);

public sealed class PostgresEnvoiDb(DbContextOptions<PostgresEnvoiDb> options) : EnvoiDb(options);
