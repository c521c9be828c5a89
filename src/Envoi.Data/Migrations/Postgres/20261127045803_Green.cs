using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Postgres
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
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalContentType",
                table: "signature_assets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "signature_traffic",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    Recipients = table.Column<long>(type: "bigint", nullable: false),
                    BytesAdded = table.Column<long>(type: "bigint", nullable: false)
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
