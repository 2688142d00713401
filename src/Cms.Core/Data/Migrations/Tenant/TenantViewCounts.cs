using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

/// <summary>How often each published item has been read; written in batches, never once per page view.</summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125000004_TenantViewCounts")]
internal sealed class TenantViewCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ViewCounts",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                Views = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ViewCounts", v => new { v.TenantId, v.ContentItemId }));
        RowLevelSecurity.Enable(migrationBuilder, "ViewCounts");
    }
}
