using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcssiCms.Store.Storage.Migrations
{
    /// <inheritdoc />
    public partial class FormsAndRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentText",
                columns: table => new
                {
                    Version = table.Column<string>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    FirstAgreedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentText", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "DictionaryItem",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    ParentItemKey = table.Column<string>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Translations = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DictionaryItem", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Form",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Alias = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Form", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "FormRecord",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", nullable: false),
                    ContentKey = table.Column<string>(type: "TEXT", nullable: true),
                    Culture = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormRecord", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Registration",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastMailedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registration", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DictionaryItem_ItemKey",
                table: "DictionaryItem",
                column: "ItemKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Form_Alias",
                table: "Form",
                column: "Alias",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormRecord_CreatedAt",
                table: "FormRecord",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FormRecord_Email",
                table: "FormRecord",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_FormRecord_FormKey_CreatedAt",
                table: "FormRecord",
                columns: new[] { "FormKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMail_RegistrationId",
                table: "OutboxMail",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Registration_Email",
                table: "Registration",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Registration_EventKey_Email",
                table: "Registration",
                columns: new[] { "EventKey", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registration_EventKey_Status_Position",
                table: "Registration",
                columns: new[] { "EventKey", "Status", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Registration_RecordId",
                table: "Registration",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentText");

            migrationBuilder.DropTable(
                name: "DictionaryItem");

            migrationBuilder.DropTable(
                name: "Form");

            migrationBuilder.DropTable(
                name: "FormRecord");

            migrationBuilder.DropTable(
                name: "OutboxMail");

            migrationBuilder.DropTable(
                name: "Registration");
        }
    }
}
