using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

/// <summary>
/// One current (Latest) and at most one published version per item, kept by the schema: two partial unique indexes, on
/// both providers. And a revision per row that every write moves on, which a save checks in the write itself.
/// Racing writes of earlier versions could leave an item with two current or published versions; those are repaired
/// first, deterministically: the newest keeps the flag (current: latest ModifiedUtc; published: latest PublishedUtc; a
/// missing date counts as oldest; then the greater version id), the others become history. Nothing is deleted, so
/// the history page still shows and restores them; refusing to start instead would leave the operator to edit rows
/// by hand on a live database for a state only our own race could produce.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125000009_TenantOneCurrentVersion")]
internal sealed class TenantOneCurrentVersion : Migration
{
    public const string OneLatest = "IX_ContentItems_OneLatest";
    public const string OnePublished = "IX_ContentItems_OnePublished";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("Revision", "ContentItems", nullable: false, defaultValue: 0);

        // On PostgreSQL every tenant's rows are repaired at once, so the owner steps outside row-level security for this
        // transaction only (ALTER TABLE holds the table until the commit, so no other session sees it unforced).
        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        if (postgres)
        {
            migrationBuilder.Sql("""ALTER TABLE "ContentItems" NO FORCE ROW LEVEL SECURITY;""");
        }

        migrationBuilder.Sql(KeepNewest("Latest", "ModifiedUtc"));
        migrationBuilder.Sql(KeepNewest("Published", "PublishedUtc"));
        if (postgres)
        {
            migrationBuilder.Sql("""ALTER TABLE "ContentItems" FORCE ROW LEVEL SECURITY;""");
        }

        migrationBuilder.CreateIndex(OneLatest, "ContentItems", ["TenantId", "ContentItemId"], unique: true, filter: "\"Latest\"");
        migrationBuilder.CreateIndex(OnePublished, "ContentItems", ["TenantId", "ContentItemId"], unique: true, filter: "\"Published\"");
    }

    // Clears the flag on every row of an item that has a newer row with the flag. "Newer" is a strict order, so the
    // result does not depend on the order the rows are visited in.
    private static string KeepNewest(string flag, string date) => $"""
        UPDATE "ContentItems" SET "{flag}" = FALSE
        WHERE "{flag}" AND EXISTS (
            SELECT 1 FROM "ContentItems" AS newer
            WHERE newer."TenantId" = "ContentItems"."TenantId"
              AND newer."ContentItemId" = "ContentItems"."ContentItemId"
              AND newer."{flag}"
              AND newer."ContentItemVersionId" <> "ContentItems"."ContentItemVersionId"
              AND (newer."{date}" > "ContentItems"."{date}"
                OR (newer."{date}" IS NOT NULL AND "ContentItems"."{date}" IS NULL)
                OR ((newer."{date}" = "ContentItems"."{date}" OR (newer."{date}" IS NULL AND "ContentItems"."{date}" IS NULL))
                    AND newer."ContentItemVersionId" > "ContentItems"."ContentItemVersionId")));
        """;
}
