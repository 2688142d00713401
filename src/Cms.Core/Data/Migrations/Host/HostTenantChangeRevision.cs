using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Host;

/// <summary>
/// A second counter per tenant, moved by every committed change (content, settings, templates, users, roles) while
/// <c>Revision</c> moves only for what a runtime is built from (definitions, features): a node that sees this one move
/// without having heard the change (the CLI on SQLite, a lost notification) knows it missed one.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261205000001_HostTenantChangeRevision")]
internal sealed class HostTenantChangeRevision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>("ChangeRevision", "Tenants", nullable: false, defaultValue: 0L);
}
