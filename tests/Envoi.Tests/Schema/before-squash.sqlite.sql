-- The schema of Envoi before its migrations were squashed (git 076d51c): `dotnet ef migrations script`
-- for the sqlite context, with the ';' EF leaves off after the rollup backfill statements added.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "attribute_definitions" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_attribute_definitions" PRIMARY KEY,
    "Label" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Right" TEXT NOT NULL,
    "BuiltIn" INTEGER NOT NULL,
    "Pattern" TEXT NULL,
    "Order" INTEGER NOT NULL
);

CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Details" TEXT NOT NULL
);

CREATE TABLE "employees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_employees" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "ExternalId" TEXT NULL,
    "UserName" TEXT NULL,
    "ValuesJson" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_groups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "ExternalId" TEXT NULL,
    "UserName" TEXT NULL
);

CREATE TABLE "messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_messages" PRIMARY KEY,
    "Sender" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "Subject" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "ReleaseAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "ClientAddress" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" INTEGER NOT NULL,
    "ClaimToken" TEXT NULL,
    "Returned" INTEGER NOT NULL,
    "Findings" TEXT NULL
);

CREATE TABLE "service_tokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_service_tokens" PRIMARY KEY AUTOINCREMENT,
    "Purpose" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "IsAdmin" INTEGER NOT NULL,
    "HoldSeconds" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "employee_aliases" (
    "Address" TEXT NOT NULL CONSTRAINT "PK_employee_aliases" PRIMARY KEY,
    "EmployeeId" INTEGER NOT NULL,
    CONSTRAINT "FK_employee_aliases_employees_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "employees" ("Id") ON DELETE CASCADE
);

CREATE TABLE "employee_overrides" (
    "EmployeeId" INTEGER NOT NULL,
    "Attribute" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "SetBy" TEXT NOT NULL,
    "SetAt" INTEGER NOT NULL,
    CONSTRAINT "PK_employee_overrides" PRIMARY KEY ("EmployeeId", "Attribute"),
    CONSTRAINT "FK_employee_overrides_employees_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "employees" ("Id") ON DELETE CASCADE
);

CREATE TABLE "group_members" (
    "GroupId" INTEGER NOT NULL,
    "EmployeeId" INTEGER NOT NULL,
    CONSTRAINT "PK_group_members" PRIMARY KEY ("GroupId", "EmployeeId"),
    CONSTRAINT "FK_group_members_employees_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "employees" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_group_members_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "recipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_recipients" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Response" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_recipients_messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "messages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aliases" (
    "Address" TEXT NOT NULL CONSTRAINT "PK_aliases" PRIMARY KEY,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "FK_aliases_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "api_tokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_api_tokens_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_aliases_UserId" ON "aliases" ("UserId");

CREATE UNIQUE INDEX "IX_api_tokens_TokenHash" ON "api_tokens" ("TokenHash");

CREATE INDEX "IX_api_tokens_UserId" ON "api_tokens" ("UserId");

CREATE INDEX "IX_audit_log_At" ON "audit_log" ("At");

CREATE INDEX "IX_audit_log_Subject_At" ON "audit_log" ("Subject", "At");

CREATE INDEX "IX_employee_aliases_EmployeeId" ON "employee_aliases" ("EmployeeId");

CREATE UNIQUE INDEX "IX_employees_Email" ON "employees" ("Email");

CREATE INDEX "IX_employees_ExternalId" ON "employees" ("ExternalId");

CREATE INDEX "IX_employees_UserName" ON "employees" ("UserName");

CREATE INDEX "IX_group_members_EmployeeId" ON "group_members" ("EmployeeId");

CREATE UNIQUE INDEX "IX_groups_Name" ON "groups" ("Name");

CREATE INDEX "IX_messages_ClaimToken" ON "messages" ("ClaimToken");

CREATE INDEX "IX_messages_Status_ReleaseAt" ON "messages" ("Status", "ReleaseAt");

CREATE INDEX "IX_messages_UserId_ReceivedAt" ON "messages" ("UserId", "ReceivedAt");

CREATE INDEX "IX_recipients_MessageId" ON "recipients" ("MessageId");

CREATE UNIQUE INDEX "IX_service_tokens_TokenHash" ON "service_tokens" ("TokenHash");

CREATE UNIQUE INDEX "IX_users_Email" ON "users" ("Email");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127035014_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "employee_signatures" (
    "EmployeeId" INTEGER NOT NULL,
    "Signature" TEXT NOT NULL,
    "Defaults" TEXT NOT NULL,
    CONSTRAINT "PK_employee_signatures" PRIMARY KEY ("EmployeeId", "Signature"),
    CONSTRAINT "FK_employee_signatures_employees_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "employees" ("Id") ON DELETE CASCADE
);

CREATE TABLE "signature_assets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_signature_assets" PRIMARY KEY,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "signature_rules" (
    "Position" INTEGER NOT NULL CONSTRAINT "PK_signature_rules" PRIMARY KEY,
    "Json" TEXT NOT NULL
);

CREATE TABLE "signature_templates" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_signature_templates" PRIMARY KEY,
    "Html" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Images" TEXT NOT NULL,
    "Description" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127043125_Signatures', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "signature_assets" ADD "OriginalContent" BLOB NULL;

ALTER TABLE "signature_assets" ADD "OriginalContentType" TEXT NULL;

CREATE TABLE "signature_traffic" (
    "Day" TEXT NOT NULL,
    "Signature" TEXT NOT NULL,
    "EmployeeId" INTEGER NOT NULL,
    "Messages" INTEGER NOT NULL,
    "Recipients" INTEGER NOT NULL,
    "BytesAdded" INTEGER NOT NULL,
    CONSTRAINT "PK_signature_traffic" PRIMARY KEY ("Day", "Signature", "EmployeeId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127045800_Green', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "message_bodies" (
    "MessageId" TEXT NOT NULL CONSTRAINT "PK_message_bodies" PRIMARY KEY,
    "Body" BLOB NOT NULL,
    CONSTRAINT "FK_message_bodies_messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "messages" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127050011_Scale', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "campaigns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_campaigns" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Paused" INTEGER NOT NULL,
    "StartsAt" INTEGER NOT NULL,
    "EndsAt" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "click_counts" (
    "Day" INTEGER NOT NULL,
    "EmployeeId" INTEGER NOT NULL,
    "Signature" TEXT NOT NULL,
    "CampaignId" INTEGER NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL,
    "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_click_counts" PRIMARY KEY ("Day", "EmployeeId", "Signature", "CampaignId", "TargetId")
);

CREATE TABLE "clicks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_clicks" PRIMARY KEY AUTOINCREMENT,
    "LinkId" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "AutomatedReason" TEXT NULL
);

CREATE TABLE "link_targets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_link_targets" PRIMARY KEY AUTOINCREMENT,
    "Url" TEXT NOT NULL
);

CREATE TABLE "signed_messages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_signed_messages" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "EmployeeId" INTEGER NOT NULL,
    "Signature" TEXT NOT NULL,
    "CampaignId" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL
);

CREATE TABLE "tracked_links" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tracked_links" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "EmployeeId" INTEGER NOT NULL,
    "Signature" TEXT NOT NULL,
    "CampaignId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_campaigns_Name" ON "campaigns" ("Name");

CREATE INDEX "IX_campaigns_Paused_StartsAt_EndsAt" ON "campaigns" ("Paused", "StartsAt", "EndsAt");

CREATE INDEX "IX_clicks_Day" ON "clicks" ("Day");

CREATE INDEX "IX_clicks_LinkId" ON "clicks" ("LinkId");

CREATE UNIQUE INDEX "IX_link_targets_Url" ON "link_targets" ("Url");

CREATE INDEX "IX_signed_messages_Day" ON "signed_messages" ("Day");

CREATE UNIQUE INDEX "IX_signed_messages_MessageId_Signature" ON "signed_messages" ("MessageId", "Signature");

CREATE UNIQUE INDEX "IX_tracked_links_MessageId_Signature_Kind_TargetId" ON "tracked_links" ("MessageId", "Signature", "Kind", "TargetId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127052020_Campaigns', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "shared_secrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_shared_secrets" PRIMARY KEY,
    "Value" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127052358_Scale2', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "users" ADD "IsMarketing" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127053443_Roles', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_tracked_links_CreatedAt_Kind_TargetId" ON "tracked_links" ("CreatedAt", "Kind", "TargetId");

CREATE INDEX "IX_signed_messages_Day_EmployeeId_Signature_CampaignId" ON "signed_messages" ("Day", "EmployeeId", "Signature", "CampaignId");

CREATE INDEX "IX_click_counts_covering" ON "click_counts" ("Day", "EmployeeId", "Signature", "CampaignId", "TargetId", "Human", "Automated", "Images");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127054112_TrackingIndexes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "stats_days" (
    "Day" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_days" PRIMARY KEY ("Day")
) WITHOUT ROWID;

CREATE TABLE "stats_employee_days" (
    "Day" INTEGER NOT NULL, "EmployeeId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_employee_days" PRIMARY KEY ("Day", "EmployeeId")
) WITHOUT ROWID;

CREATE TABLE "stats_employee_dekads" (
    "Dekad" INTEGER NOT NULL, "EmployeeId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_employee_dekads" PRIMARY KEY ("Dekad", "EmployeeId")
) WITHOUT ROWID;

CREATE TABLE "stats_employee_months" (
    "Month" INTEGER NOT NULL, "EmployeeId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_employee_months" PRIMARY KEY ("Month", "EmployeeId")
) WITHOUT ROWID;

CREATE TABLE "stats_signature_days" (
    "Day" INTEGER NOT NULL, "Signature" TEXT NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_signature_days" PRIMARY KEY ("Day", "Signature")
) WITHOUT ROWID;

CREATE TABLE "stats_signature_dekads" (
    "Dekad" INTEGER NOT NULL, "Signature" TEXT NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_signature_dekads" PRIMARY KEY ("Dekad", "Signature")
) WITHOUT ROWID;

CREATE TABLE "stats_signature_months" (
    "Month" INTEGER NOT NULL, "Signature" TEXT NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_signature_months" PRIMARY KEY ("Month", "Signature")
) WITHOUT ROWID;

CREATE TABLE "stats_campaign_days" (
    "Day" INTEGER NOT NULL, "CampaignId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_campaign_days" PRIMARY KEY ("Day", "CampaignId")
) WITHOUT ROWID;

CREATE TABLE "stats_campaign_dekads" (
    "Dekad" INTEGER NOT NULL, "CampaignId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_campaign_dekads" PRIMARY KEY ("Dekad", "CampaignId")
) WITHOUT ROWID;

CREATE TABLE "stats_campaign_months" (
    "Month" INTEGER NOT NULL, "CampaignId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_campaign_months" PRIMARY KEY ("Month", "CampaignId")
) WITHOUT ROWID;

CREATE TABLE "stats_link_days" (
    "Day" INTEGER NOT NULL, "TargetId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_link_days" PRIMARY KEY ("Day", "TargetId")
) WITHOUT ROWID;

CREATE TABLE "stats_link_dekads" (
    "Dekad" INTEGER NOT NULL, "TargetId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_link_dekads" PRIMARY KEY ("Dekad", "TargetId")
) WITHOUT ROWID;

CREATE TABLE "stats_link_months" (
    "Month" INTEGER NOT NULL, "TargetId" INTEGER NOT NULL, "Messages" INTEGER NOT NULL, "Human" INTEGER NOT NULL,
    "Automated" INTEGER NOT NULL, "Images" INTEGER NOT NULL,
    CONSTRAINT "PK_stats_link_months" PRIMARY KEY ("Month", "TargetId")
) WITHOUT ROWID;

INSERT INTO stats_days ("Day", "Messages", "Human", "Automated", "Images")
SELECT "Day", SUM(n), SUM(h), SUM(a), SUM(i) FROM (
  SELECT "Day", 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts 
  UNION ALL
  SELECT "Day", 1, 0, 0, 0 FROM signed_messages 
) AS x GROUP BY "Day";

INSERT INTO stats_employee_days ("Day", "EmployeeId", "Messages", "Human", "Automated", "Images")
SELECT "Day", "EmployeeId", SUM(n), SUM(h), SUM(a), SUM(i) FROM (
  SELECT "Day", "EmployeeId", 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts 
  UNION ALL
  SELECT "Day", "EmployeeId", 1, 0, 0, 0 FROM signed_messages 
) AS x GROUP BY "Day", "EmployeeId";

INSERT INTO stats_employee_dekads ("Dekad", "EmployeeId", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "EmployeeId", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_employee_days GROUP BY "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "EmployeeId";

INSERT INTO stats_employee_months ("Month", "EmployeeId", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100, "EmployeeId", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_employee_days GROUP BY "Day" / 100, "EmployeeId";

INSERT INTO stats_signature_days ("Day", "Signature", "Messages", "Human", "Automated", "Images")
SELECT "Day", "Signature", SUM(n), SUM(h), SUM(a), SUM(i) FROM (
  SELECT "Day", "Signature", 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts 
  UNION ALL
  SELECT "Day", "Signature", 1, 0, 0, 0 FROM signed_messages 
) AS x GROUP BY "Day", "Signature";

INSERT INTO stats_signature_dekads ("Dekad", "Signature", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "Signature", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_signature_days GROUP BY "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "Signature";

INSERT INTO stats_signature_months ("Month", "Signature", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100, "Signature", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_signature_days GROUP BY "Day" / 100, "Signature";

INSERT INTO stats_campaign_days ("Day", "CampaignId", "Messages", "Human", "Automated", "Images")
SELECT "Day", "CampaignId", SUM(n), SUM(h), SUM(a), SUM(i) FROM (
  SELECT "Day", "CampaignId", 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts WHERE "CampaignId" <> 0
  UNION ALL
  SELECT "Day", "CampaignId", 1, 0, 0, 0 FROM signed_messages WHERE "CampaignId" <> 0
) AS x GROUP BY "Day", "CampaignId";

INSERT INTO stats_campaign_dekads ("Dekad", "CampaignId", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "CampaignId", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_campaign_days GROUP BY "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "CampaignId";

INSERT INTO stats_campaign_months ("Month", "CampaignId", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100, "CampaignId", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_campaign_days GROUP BY "Day" / 100, "CampaignId";

INSERT INTO stats_link_days ("Day", "TargetId", "Messages", "Human", "Automated", "Images")
SELECT d, k, SUM(n), SUM(h), SUM(a), SUM(i) FROM (
  SELECT "Day" AS d, "TargetId" AS k, 0 AS n, "Human" AS h, "Automated" AS a, "Images" AS i FROM click_counts
  UNION ALL
  SELECT CAST(strftime('%Y%m%d', "CreatedAt" / 1000, 'unixepoch') AS INTEGER), "TargetId", 1, 0, 0, 0 FROM tracked_links WHERE "Kind" = 0
) AS x GROUP BY d, k;

INSERT INTO stats_link_dekads ("Dekad", "TargetId", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "TargetId", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_link_days GROUP BY "Day" / 100 * 10 + CASE WHEN "Day" % 100 <= 10 THEN 1 WHEN "Day" % 100 <= 20 THEN 2 ELSE 3 END, "TargetId";

INSERT INTO stats_link_months ("Month", "TargetId", "Messages", "Human", "Automated", "Images")
SELECT "Day" / 100, "TargetId", SUM("Messages"), SUM("Human"), SUM("Automated"), SUM("Images") FROM stats_link_days GROUP BY "Day" / 100, "TargetId";

DROP INDEX "IX_tracked_links_CreatedAt_Kind_TargetId";

DROP INDEX "IX_signed_messages_Day_EmployeeId_Signature_CampaignId";

DROP INDEX "IX_click_counts_covering";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127072711_StatsRollups', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "audit_log" ADD "After" TEXT NULL;

ALTER TABLE "audit_log" ADD "Before" TEXT NULL;

CREATE INDEX "IX_audit_log_Actor_At" ON "audit_log" ("Actor", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205222312_Issue19Audit', '10.0.15');

COMMIT;

