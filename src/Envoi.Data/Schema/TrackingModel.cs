using Microsoft.EntityFrameworkCore;

namespace Envoi.Data.Schema;

/// <summary>Tables of campaigns, tracked links, clicks and the counters statistics read.</summary>
internal static class TrackingModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CampaignRow>(e =>
        {
            e.ToTable("campaigns");
            e.HasIndex(c => c.Name).IsUnique();
            e.Property(c => c.Name).HasMaxLength(64);
            e.HasIndex(c => new { c.Paused, c.StartsAt, c.EndsAt });
        });
        model.Entity<LinkTargetRow>(e =>
        {
            e.ToTable("link_targets");
            e.HasIndex(t => t.Url).IsUnique();
        });
        model.Entity<TrackedLinkRow>(e =>
        {
            e.ToTable("tracked_links");
            e.Property(l => l.MessageId).HasMaxLength(64);
            e.Property(l => l.Signature).HasMaxLength(64);
            // One row per (message, link): a retried delivery reuses the rows of the first attempt.
            e.HasIndex(l => new { l.MessageId, l.Signature, l.Kind, l.TargetId }).IsUnique();
        });
        model.Entity<ClickRow>(e =>
        {
            e.ToTable("clicks");
            e.HasIndex(c => c.Day);
            e.HasIndex(c => c.LinkId);
        });
        model.Entity<ClickCountRow>(e =>
        {
            e.ToTable("click_counts");
            e.HasKey(c => new { c.Day, c.EmployeeId, c.Signature, c.CampaignId, c.TargetId });
            e.Property(c => c.Signature).HasMaxLength(64);
        });
        model.Entity<SignedMessageRow>(e =>
        {
            e.ToTable("signed_messages");
            e.Property(s => s.MessageId).HasMaxLength(64);
            e.Property(s => s.Signature).HasMaxLength(64);
            e.HasIndex(s => new { s.MessageId, s.Signature }).IsUnique();
            e.HasIndex(s => s.Day);
        });
        ConfigureRollups(model);
    }

    /// <summary>
    /// The statistics rollups, keyed period first: a view reads ranges of days, dekads and months. On SQLite
    /// the migration creates them WITHOUT ROWID, so the key is the table's own b-tree and a range
    /// scan reads the counts directly (no lookup per row, no second index to write).
    /// </summary>
    private static void ConfigureRollups(ModelBuilder model)
    {
        model.Entity<DayStatsRow>(e => { e.ToTable("stats_days"); e.HasKey(r => r.Day); e.Property(r => r.Day).ValueGeneratedNever(); });
        model.Entity<EmployeeDayStatsRow>(e => { e.ToTable("stats_employee_days"); e.HasKey(r => new { r.Day, r.EmployeeId }); });
        model.Entity<EmployeeDekadStatsRow>(e => { e.ToTable("stats_employee_dekads"); e.HasKey(r => new { r.Dekad, r.EmployeeId }); });
        model.Entity<EmployeeMonthStatsRow>(e => { e.ToTable("stats_employee_months"); e.HasKey(r => new { r.Month, r.EmployeeId }); });
        model.Entity<SignatureDayStatsRow>(e => { e.ToTable("stats_signature_days"); e.HasKey(r => new { r.Day, r.Signature }); e.Property(r => r.Signature).HasMaxLength(64); });
        model.Entity<SignatureDekadStatsRow>(e => { e.ToTable("stats_signature_dekads"); e.HasKey(r => new { r.Dekad, r.Signature }); e.Property(r => r.Signature).HasMaxLength(64); });
        model.Entity<SignatureMonthStatsRow>(e => { e.ToTable("stats_signature_months"); e.HasKey(r => new { r.Month, r.Signature }); e.Property(r => r.Signature).HasMaxLength(64); });
        model.Entity<CampaignDayStatsRow>(e => { e.ToTable("stats_campaign_days"); e.HasKey(r => new { r.Day, r.CampaignId }); });
        model.Entity<CampaignDekadStatsRow>(e => { e.ToTable("stats_campaign_dekads"); e.HasKey(r => new { r.Dekad, r.CampaignId }); });
        model.Entity<CampaignMonthStatsRow>(e => { e.ToTable("stats_campaign_months"); e.HasKey(r => new { r.Month, r.CampaignId }); });
        model.Entity<LinkDayStatsRow>(e => { e.ToTable("stats_link_days"); e.HasKey(r => new { r.Day, r.TargetId }); });
        model.Entity<LinkDekadStatsRow>(e => { e.ToTable("stats_link_dekads"); e.HasKey(r => new { r.Dekad, r.TargetId }); });
        model.Entity<LinkMonthStatsRow>(e => { e.ToTable("stats_link_months"); e.HasKey(r => new { r.Month, r.TargetId }); });
    }
}
