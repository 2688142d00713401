using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Host;

/// <summary>
/// Drafts waiting to be published at a time, for every tenant in one host table: one indexed query a
/// minute finds what is due, however many tenants there are.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261125000003_HostScheduledPublications")]
internal sealed class HostScheduledPublications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ScheduledPublications",
            columns: table => new
            {
                TenantName = table.Column<string>(maxLength: 63, nullable: false),
                ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                DueUtc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ScheduledPublications", s => new { s.TenantName, s.ContentItemId }));
        migrationBuilder.CreateIndex("IX_ScheduledPublications_Due", "ScheduledPublications", ["DueUtc"]);
    }
}
