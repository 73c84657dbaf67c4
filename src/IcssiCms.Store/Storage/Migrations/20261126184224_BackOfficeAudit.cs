using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcssiCms.Store.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BackOfficeAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackOfficeAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserKey = table.Column<string>(type: "TEXT", nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Cultures = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackOfficeAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackOfficeAudit_NodeKey_At",
                table: "BackOfficeAudit",
                columns: new[] { "NodeKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_BackOfficeAudit_UserKey",
                table: "BackOfficeAudit",
                column: "UserKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackOfficeAudit");
        }
    }
}
