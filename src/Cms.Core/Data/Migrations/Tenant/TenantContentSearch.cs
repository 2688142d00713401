using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Tenant;

/// <summary>
/// Full-text search over title and body text (the SearchText column). The one place the providers
/// differ: SQLite gets an FTS5 index kept in step by triggers, PostgreSQL a GIN index on a tsvector.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125000003_TenantContentSearch")]
internal sealed class TenantContentSearch : Migration
{
    public const string SqliteIndex = "ContentSearch";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_ContentItems_Search" ON "ContentItems" USING gin (to_tsvector('simple', coalesce("SearchText", '')));""");
            return;
        }

        // The index keeps its own copy of the text, keyed by version id: an external-content index keyed by
        // rowid would fall out of step when VACUUM renumbers the rows of a table without an integer key.
        migrationBuilder.Sql($$"""
            CREATE VIRTUAL TABLE "{{SqliteIndex}}" USING fts5("SearchText", "ContentItemVersionId" UNINDEXED, tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER "ContentItems_Search_Insert" AFTER INSERT ON "ContentItems" BEGIN
                INSERT INTO "{{SqliteIndex}}"("SearchText", "ContentItemVersionId") VALUES (new."SearchText", new."ContentItemVersionId");
            END;
            CREATE TRIGGER "ContentItems_Search_Delete" AFTER DELETE ON "ContentItems" BEGIN
                DELETE FROM "{{SqliteIndex}}" WHERE "ContentItemVersionId" = old."ContentItemVersionId";
            END;
            CREATE TRIGGER "ContentItems_Search_Update" AFTER UPDATE OF "SearchText" ON "ContentItems" BEGIN
                DELETE FROM "{{SqliteIndex}}" WHERE "ContentItemVersionId" = old."ContentItemVersionId";
                INSERT INTO "{{SqliteIndex}}"("SearchText", "ContentItemVersionId") VALUES (new."SearchText", new."ContentItemVersionId");
            END;
            """);
    }
}
