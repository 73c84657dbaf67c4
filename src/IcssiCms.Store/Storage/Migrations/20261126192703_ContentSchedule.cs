using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcssiCms.Store.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ContentSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "BackOfficeAudit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContentSchedule",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeKey = table.Column<string>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentSchedule", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentSchedule_At",
                table: "ContentSchedule",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ContentSchedule_NodeKey_Culture_Action",
                table: "ContentSchedule",
                columns: new[] { "NodeKey", "Culture", "Action" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentSchedule");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "BackOfficeAudit");
        }
    }
}
