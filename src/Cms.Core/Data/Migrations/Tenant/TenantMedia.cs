using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

/// <summary>
/// Issue 11, item 3: the media library in the database, for PostgreSQL installs where several nodes share it
/// (<see cref="Media.PostgresMediaStore"/>). A row per file, and its content in chunks under an id of its own, so a
/// replace writes the new chunks beside the old ones and swaps the file's id in one commit. SQLite installs keep media
/// in the practice's folder (<see cref="Media.FileSystemMediaStore"/>), so their databases get no tables that would
/// only ever be empty.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125000010_TenantMedia")]
internal sealed class TenantMedia : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return;
        }

        migrationBuilder.CreateTable(
            name: "MediaFiles",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                Path = table.Column<string>(maxLength: 1024, nullable: false),
                FileId = table.Column<string>(maxLength: 32, nullable: false),
                Length = table.Column<long>(nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                ModifiedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MediaFiles", f => new { f.TenantId, f.Path }));
        migrationBuilder.CreateTable(
            name: "MediaChunks",
            columns: table => new
            {
                TenantId = table.Column<string>(maxLength: 63, nullable: false),
                FileId = table.Column<string>(maxLength: 32, nullable: false),
                Number = table.Column<int>(nullable: false),
                Data = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MediaChunks", c => new { c.TenantId, c.FileId, c.Number }));
        RowLevelSecurity.Enable(migrationBuilder, "MediaFiles", "MediaChunks");
        // Images are compressed already: stored out of line as they are, without PostgreSQL trying to compress them again.
        migrationBuilder.Sql("""ALTER TABLE "MediaChunks" ALTER COLUMN "Data" SET STORAGE EXTERNAL;""");
    }
}
