using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rollups are created by hand, WITHOUT ROWID: the primary key (period first) is then
            // the table itself, so a view's range scan reads the counts directly instead of looking
            // up every row by rowid. Columns as EF would create them (see the model snapshot).
            CreateRollup(migrationBuilder, "stats_days", "Day", null, null);
            CreateRollup(migrationBuilder, "stats_employee_days", "Day", "EmployeeId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_employee_dekads", "Dekad", "EmployeeId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_employee_months", "Month", "EmployeeId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_signature_days", "Day", "Signature", "TEXT");
            CreateRollup(migrationBuilder, "stats_signature_dekads", "Dekad", "Signature", "TEXT");
            CreateRollup(migrationBuilder, "stats_signature_months", "Month", "Signature", "TEXT");
            CreateRollup(migrationBuilder, "stats_campaign_days", "Day", "CampaignId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_campaign_dekads", "Dekad", "CampaignId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_campaign_months", "Month", "CampaignId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_link_days", "Day", "TargetId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_link_dekads", "Dekad", "TargetId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_link_months", "Month", "TargetId", "INTEGER");

            foreach (var sql in Envoi.Data.Tracking.Rollups.RollupBackfill.Statements(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(sql);

            // Only the statistics read these, and they now read the rollups: not worth their write cost.
            migrationBuilder.DropIndex(
                name: "IX_tracked_links_CreatedAt_Kind_TargetId",
                table: "tracked_links");

            migrationBuilder.DropIndex(
                name: "IX_signed_messages_Day_EmployeeId_Signature_CampaignId",
                table: "signed_messages");

            migrationBuilder.DropIndex(
                name: "IX_click_counts_covering",
                table: "click_counts");
        }

        private static void CreateRollup(MigrationBuilder migrationBuilder, string table, string period, string key, string keyType)
        {
            var keyColumn = key is null ? "" : $"\"{key}\" {keyType} NOT NULL, ";
            var primaryKey = key is null ? $"\"{period}\"" : $"\"{period}\", \"{key}\"";
            migrationBuilder.Sql($"""
                CREATE TABLE "{table}" (
                    "{period}" INTEGER NOT NULL, {keyColumn}"Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
                    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
                    CONSTRAINT "PK_{table}" PRIMARY KEY ({primaryKey})
                ) WITHOUT ROWID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shared_secrets");

            migrationBuilder.DropTable(
                name: "stats_campaign_days");

            migrationBuilder.DropTable(
                name: "stats_campaign_dekads");

            migrationBuilder.DropTable(
                name: "stats_campaign_months");

            migrationBuilder.DropTable(
                name: "stats_days");

            migrationBuilder.DropTable(
                name: "stats_employee_days");

            migrationBuilder.DropTable(
                name: "stats_employee_dekads");

            migrationBuilder.DropTable(
                name: "stats_employee_months");

            migrationBuilder.DropTable(
                name: "stats_link_days");

            migrationBuilder.DropTable(
                name: "stats_link_dekads");

            migrationBuilder.DropTable(
                name: "stats_link_months");

            migrationBuilder.DropTable(
                name: "stats_signature_days");

            migrationBuilder.DropTable(
                name: "stats_signature_dekads");

            migrationBuilder.DropTable(
                name: "stats_signature_months");

            migrationBuilder.DropColumn(
                name: "IsMarketing",
                table: "users");

            migrationBuilder.CreateIndex(
                name: "IX_tracked_links_CreatedAt_Kind_TargetId",
                table: "tracked_links",
                columns: new[] { "CreatedAt", "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_signed_messages_Day_EmployeeId_Signature_CampaignId",
                table: "signed_messages",
                columns: new[] { "Day", "EmployeeId", "Signature", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_click_counts_covering",
                table: "click_counts",
                columns: new[] { "Day", "EmployeeId", "Signature", "CampaignId", "TargetId", "Human", "Automated", "Images" });
        }
    }
}
