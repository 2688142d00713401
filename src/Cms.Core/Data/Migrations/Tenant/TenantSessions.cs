using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

/// <summary>
/// Server-side sessions (issue 10): each user's security stamp, and the sessions that signed out. Existing users get
/// an empty stamp, which is as good as any until their first change; the default also lets nodes still on the
/// previous version add users during a rolling upgrade.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125000008_TenantSessions")]
internal sealed class TenantSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SecurityStamp", table: "Users", maxLength: 32, nullable: false, defaultValue: "");
        migrationBuilder.CreateTable(
            name: "RevokedSessions",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                SessionId = table.Column<string>(maxLength: 32, nullable: false),
                ExpiresUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RevokedSessions", s => new { s.TenantId, s.SessionId }));
        RowLevelSecurity.Enable(migrationBuilder, "RevokedSessions");
    }
}
