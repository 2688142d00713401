using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations.Host;

/// <summary>
/// A due row is leased to the node publishing it instead of deleted first, so a crash or a refused publish leaves it for
/// another try; the attempts and the last error say why a row that keeps failing was given up.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261204000001_HostScheduledPublicationLease")]
internal sealed class HostScheduledPublicationLease : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("LeasedUntilUtc", "ScheduledPublications", nullable: true);
        migrationBuilder.AddColumn<string>("LeasedBy", "ScheduledPublications", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<int>("Attempts", "ScheduledPublications", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("LastError", "ScheduledPublications", maxLength: 1000, nullable: true);
    }
}
