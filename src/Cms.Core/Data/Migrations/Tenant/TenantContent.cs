using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

[DbContext(typeof(TenantDbContext))]
[Migration("20261125000002_TenantContent")]
internal sealed class TenantContent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentItems",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                ContentItemVersionId = table.Column<string>(maxLength: 64, nullable: false),
                ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                DisplayText = table.Column<string>(nullable: true),
                Latest = table.Column<bool>(nullable: false),
                Published = table.Column<bool>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: true),
                ModifiedUtc = table.Column<DateTime>(nullable: true),
                PublishedUtc = table.Column<DateTime>(nullable: true),
                Owner = table.Column<string>(maxLength: 255, nullable: true),
                Author = table.Column<string>(maxLength: 255, nullable: true),
                Json = table.Column<string>(nullable: false),
                RoutePath = table.Column<string>(maxLength: 1024, nullable: true),
                ContainerId = table.Column<string>(maxLength: 64, nullable: true),
                ContainerOrder = table.Column<int>(nullable: true),
                RenderedJson = table.Column<string>(nullable: true),
                SearchText = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ContentItems", c => new { c.TenantId, c.ContentItemVersionId }));
        migrationBuilder.CreateIndex("IX_ContentItems_Item", "ContentItems", ["TenantId", "ContentItemId", "Latest", "Published"]);
        migrationBuilder.CreateIndex("IX_ContentItems_Type", "ContentItems", ["TenantId", "ContentType", "Published", "Latest", "PublishedUtc"]);
        migrationBuilder.CreateIndex("IX_ContentItems_Route", "ContentItems", ["TenantId", "RoutePath"]);
        migrationBuilder.CreateIndex("IX_ContentItems_Container", "ContentItems", ["TenantId", "ContainerId", "ContainerOrder"]);

        migrationBuilder.CreateTable(
            name: "ContentReferences",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                ContentItemVersionId = table.Column<string>(maxLength: 64, nullable: false),
                Path = table.Column<string>(maxLength: 255, nullable: false),
                TargetId = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentReferences", r => new { r.TenantId, r.ContentItemVersionId, r.Path, r.TargetId }));
        migrationBuilder.CreateIndex("IX_ContentReferences_Target", "ContentReferences", ["TenantId", "TargetId"]);

        RowLevelSecurity.Enable(migrationBuilder, "ContentItems", "ContentReferences");
    }
}
