using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Envoi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attribute_definitions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Right = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attribute_definitions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "click_counts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Human = table.Column<long>(type: "INTEGER", nullable: false),
                    Automated = table.Column<long>(type: "INTEGER", nullable: false),
                    Images = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_click_counts", x => new { x.Day, x.EmployeeId, x.Signature, x.CampaignId, x.TargetId });
                });

            migrationBuilder.CreateTable(
                name: "clicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LinkId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AutomatedReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clicks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "employees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", nullable: true),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "link_targets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Url = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleaseAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<string>(type: "TEXT", nullable: true),
                    Returned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_tokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shared_secrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_secrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "signature_assets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    OriginalContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_assets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "signature_rules",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_rules", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "signature_templates",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Images = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_templates", x => x.Name);
                });

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

            migrationBuilder.CreateTable(
                name: "signed_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signed_messages", x => x.Id);
                });

            // The rollups are created by hand, WITHOUT ROWID: the primary key (period first) is then
            // the table itself, so a view's range scan reads the counts directly instead of looking
            // up every row by rowid. Columns as EF would create them (see the model snapshot).
            CreateRollup(migrationBuilder, "stats_campaign_days", "Day", "CampaignId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_campaign_dekads", "Dekad", "CampaignId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_campaign_months", "Month", "CampaignId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_days", "Day", null, null);
            CreateRollup(migrationBuilder, "stats_employee_days", "Day", "EmployeeId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_employee_dekads", "Dekad", "EmployeeId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_employee_months", "Month", "EmployeeId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_link_days", "Day", "TargetId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_link_dekads", "Dekad", "TargetId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_link_months", "Month", "TargetId", "INTEGER");
            CreateRollup(migrationBuilder, "stats_signature_days", "Day", "Signature", "TEXT");
            CreateRollup(migrationBuilder, "stats_signature_dekads", "Dekad", "Signature", "TEXT");
            CreateRollup(migrationBuilder, "stats_signature_months", "Month", "Signature", "TEXT");

            migrationBuilder.CreateTable(
                name: "tracked_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    IsAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    // The default is not in the model: the Roles migration added this column to a table with
                    // rows, and the squash keeps it so older databases and fresh ones have one schema.
                    IsMarketing = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    HoldSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "employee_aliases",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employee_aliases", x => x.Address);
                    table.ForeignKey(
                        name: "FK_employee_aliases_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employee_overrides",
                columns: table => new
                {
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attribute = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employee_overrides", x => new { x.EmployeeId, x.Attribute });
                    table.ForeignKey(
                        name: "FK_employee_overrides_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employee_signatures",
                columns: table => new
                {
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Defaults = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employee_signatures", x => new { x.EmployeeId, x.Signature });
                    table.ForeignKey(
                        name: "FK_employee_signatures_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.GroupId, x.EmployeeId });
                    table.ForeignKey(
                        name: "FK_group_members_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_group_members_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "recipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recipients_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aliases",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aliases", x => x.Address);
                    table.ForeignKey(
                        name: "FK_aliases_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_tokens_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aliases_UserId",
                table: "aliases",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_TokenHash",
                table: "api_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_UserId",
                table: "api_tokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Actor_At",
                table: "audit_log",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Subject_At",
                table: "audit_log",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_Name",
                table: "campaigns",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_Paused_StartsAt_EndsAt",
                table: "campaigns",
                columns: new[] { "Paused", "StartsAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_clicks_Day",
                table: "clicks",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_clicks_LinkId",
                table: "clicks",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_employee_aliases_EmployeeId",
                table: "employee_aliases",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employees_Email",
                table: "employees",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employees_ExternalId",
                table: "employees",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_employees_UserName",
                table: "employees",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_group_members_EmployeeId",
                table: "group_members",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_groups_Name",
                table: "groups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_link_targets_Url",
                table: "link_targets",
                column: "Url",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_ClaimToken",
                table: "messages",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_messages_Status_ReleaseAt",
                table: "messages",
                columns: new[] { "Status", "ReleaseAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messages_UserId_ReceivedAt",
                table: "messages",
                columns: new[] { "UserId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_recipients_MessageId",
                table: "recipients",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_service_tokens_TokenHash",
                table: "service_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signed_messages_Day",
                table: "signed_messages",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_signed_messages_MessageId_Signature",
                table: "signed_messages",
                columns: new[] { "MessageId", "Signature" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tracked_links_MessageId_Signature_Kind_TargetId",
                table: "tracked_links",
                columns: new[] { "MessageId", "Signature", "Kind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_Email",
                table: "users",
                column: "Email",
                unique: true);
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
                name: "aliases");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "attribute_definitions");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "click_counts");

            migrationBuilder.DropTable(
                name: "clicks");

            migrationBuilder.DropTable(
                name: "employee_aliases");

            migrationBuilder.DropTable(
                name: "employee_overrides");

            migrationBuilder.DropTable(
                name: "employee_signatures");

            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "link_targets");

            migrationBuilder.DropTable(
                name: "message_bodies");

            migrationBuilder.DropTable(
                name: "recipients");

            migrationBuilder.DropTable(
                name: "service_tokens");

            migrationBuilder.DropTable(
                name: "shared_secrets");

            migrationBuilder.DropTable(
                name: "signature_assets");

            migrationBuilder.DropTable(
                name: "signature_rules");

            migrationBuilder.DropTable(
                name: "signature_templates");

            migrationBuilder.DropTable(
                name: "signature_traffic");

            migrationBuilder.DropTable(
                name: "signed_messages");

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

            migrationBuilder.DropTable(
                name: "tracked_links");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "employees");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "messages");
        }
    }
}
