using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stats_campaign_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_campaign_days", x => new { x.Day, x.CampaignId });
                });

            migrationBuilder.CreateTable(
                name: "stats_campaign_dekads",
                columns: table => new
                {
                    Dekad = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_campaign_dekads", x => new { x.Dekad, x.CampaignId });
                });

            migrationBuilder.CreateTable(
                name: "stats_campaign_months",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_campaign_months", x => new { x.Month, x.CampaignId });
                });

            migrationBuilder.CreateTable(
                name: "stats_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_days", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "stats_employee_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_employee_days", x => new { x.Day, x.EmployeeId });
                });

            migrationBuilder.CreateTable(
                name: "stats_employee_dekads",
                columns: table => new
                {
                    Dekad = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_employee_dekads", x => new { x.Dekad, x.EmployeeId });
                });

            migrationBuilder.CreateTable(
                name: "stats_employee_months",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_employee_months", x => new { x.Month, x.EmployeeId });
                });

            migrationBuilder.CreateTable(
                name: "stats_link_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_link_days", x => new { x.Day, x.TargetId });
                });

            migrationBuilder.CreateTable(
                name: "stats_link_dekads",
                columns: table => new
                {
                    Dekad = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_link_dekads", x => new { x.Dekad, x.TargetId });
                });

            migrationBuilder.CreateTable(
                name: "stats_link_months",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_link_months", x => new { x.Month, x.TargetId });
                });

            migrationBuilder.CreateTable(
                name: "stats_signature_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_signature_days", x => new { x.Day, x.Signature });
                });

            migrationBuilder.CreateTable(
                name: "stats_signature_dekads",
                columns: table => new
                {
                    Dekad = table.Column<int>(type: "integer", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_signature_dekads", x => new { x.Dekad, x.Signature });
                });

            migrationBuilder.CreateTable(
                name: "stats_signature_months",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Human = table.Column<long>(type: "bigint", nullable: false),
                    Automated = table.Column<long>(type: "bigint", nullable: false),
                    Images = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_signature_months", x => new { x.Month, x.Signature });
                });

            foreach (var sql in Envoi.Data.Tracking.Rollups.RollupBackfill.Statements(DatabaseProvider.Postgres))
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
