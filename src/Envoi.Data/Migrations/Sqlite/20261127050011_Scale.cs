using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "message_bodies",
                columns: table => new
                {
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_bodies", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_message_bodies_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "message_bodies");
        }
    }
}
