using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

/// <summary>
/// The media library files each version names (<see cref="ContentItemRecord.MediaPaths"/>), kept when it is stored, so
/// the media page finds the items using each file without reading every item's JSON (measured: see docs/benchmarks.md,
/// Admin). Rows stored before have none (null) and are read as before until they are saved again.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261205000001_TenantMediaNames")]
internal sealed class TenantMediaNames : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("MediaPaths", "ContentItems", nullable: true);
}
