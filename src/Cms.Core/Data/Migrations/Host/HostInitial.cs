using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Host;

// Hand-written and provider-neutral: column types come from each provider's mapping of the CLR type,
// so the one migration set serves SQLite and PostgreSQL alike.
[DbContext(typeof(HostDbContext))]
[Migration("20261125000001_HostInitial")]
internal sealed class HostInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                NormalizedName = table.Column<string>(maxLength: 63, nullable: false),
                Name = table.Column<string>(maxLength: 63, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Prefix = table.Column<string>(maxLength: 63, nullable: true),
                ConnectionString = table.Column<string>(nullable: true),
                RecipeName = table.Column<string>(maxLength: 100, nullable: true),
                CreatedUtc = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", t => t.NormalizedName));
        migrationBuilder.CreateIndex("IX_Tenants_Prefix", "Tenants", "Prefix", unique: true);

        migrationBuilder.CreateTable(
            name: "TenantHosts",
            columns: table => new
            {
                Host = table.Column<string>(maxLength: 253, nullable: false),
                TenantName = table.Column<string>(maxLength: 63, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TenantHosts", h => h.Host);
                table.ForeignKey("FK_TenantHosts_Tenants", h => h.TenantName, "Tenants", "NormalizedName", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TenantHosts_TenantName", "TenantHosts", "TenantName");

        migrationBuilder.CreateTable(
            name: "HostState",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                RegistryVersion = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_HostState", s => s.Id));
        migrationBuilder.Sql("""INSERT INTO "HostState" ("Id", "RegistryVersion") VALUES (1, 0);""");

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", k => k.Id));
    }
}
