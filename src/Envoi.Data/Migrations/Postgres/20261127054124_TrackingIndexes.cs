using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrackingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
    }
}
