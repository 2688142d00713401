using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Host;

/// <summary>A counter per tenant, moved when its content definitions or settings documents change.</summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261125000002_HostTenantRevision")]
internal sealed class HostTenantRevision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>("Revision", "Tenants", nullable: false, defaultValue: 0L);
}
