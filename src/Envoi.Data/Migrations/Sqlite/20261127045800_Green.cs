using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Green : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "OriginalContent",
                table: "signature_assets",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalContentType",
                table: "signature_assets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "signature_traffic",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Messages = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesAdded = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_traffic", x => new { x.Day, x.Signature, x.EmployeeId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signature_traffic");

            migrationBuilder.DropColumn(
                name: "OriginalContent",
                table: "signature_assets");

            migrationBuilder.DropColumn(
                name: "OriginalContentType",
                table: "signature_assets");
        }
    }
}
