using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScimUserName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserName",
                table: "groups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserName",
                table: "employees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_employees_UserName",
                table: "employees",
                column: "UserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_employees_UserName",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "UserName",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "UserName",
                table: "employees");
        }
    }
}
