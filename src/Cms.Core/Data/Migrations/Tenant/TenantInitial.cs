using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

[DbContext(typeof(TenantDbContext))]
[Migration("20261125000001_TenantInitial")]
internal sealed class TenantInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                Id = table.Column<string>(maxLength: 32, nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                NormalizedUserName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                PasswordHash = table.Column<string>(nullable: false),
                Roles = table.Column<string>(maxLength: 1000, nullable: false),
                IsEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                LockoutEndUtc = table.Column<DateTimeOffset>(nullable: true),
                CreatedUtc = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Users", u => new { u.TenantId, u.Id }));
        migrationBuilder.CreateIndex("IX_Users_TenantId_NormalizedUserName", "Users", ["TenantId", "NormalizedUserName"], unique: true);

        migrationBuilder.CreateTable(
            name: "Documents",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Json = table.Column<string>(nullable: false),
                ModifiedUtc = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Documents", d => new { d.TenantId, d.Key }));

        RowLevelSecurity.Enable(migrationBuilder, "Users", "Documents");
    }
}
