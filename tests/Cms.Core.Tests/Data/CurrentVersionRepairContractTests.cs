using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Data;

/// <summary>
/// Issue 11, item 1: a store written by earlier versions may hold two current or two published versions of an item
/// (the race this issue fixes). Upgrading it keeps the newest of each as current and the others as history, for every
/// tenant (on PostgreSQL past row-level security), so the schema can then refuse any further duplicate.
/// </summary>
public abstract class CurrentVersionRepairContractTests
{
    /// <summary>The last migration before the rule was in the schema.</summary>
    private const string BeforeTheRule = "20261125000007_TenantListIndexes";

    private static readonly string[] s_tenants = ["practice1", "practice2"];

    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task UpgradingKeepsTheNewestCurrentAndPublishedVersionOfEachItem()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = storage.BuildServices();
        var database = services.GetRequiredService<CmsDatabase>();
        var tenants = s_tenants.Select(name => new TenantSettings(name, TenantState.Running, [], name, null, null, DateTimeOffset.UnixEpoch)).ToList();
        foreach (var tenant in tenants)
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                Directory.CreateDirectory(database.TenantFolder(tenant.Name));
            }

            // On PostgreSQL the tenants share one schema, migrated as the host does it (with no tenant named).
            await using (var migrating = new TenantDbContext(database.TenantOptions(tenant), Provider == DatabaseProvider.Postgres ? "" : tenant.Name))
            {
                await migrating.GetService<IMigrator>().MigrateAsync(BeforeTheRule);
            }

            // Written as the rows were then: the table has no Revision column yet.
            await using var db = new TenantDbContext(database.TenantOptions(tenant), tenant.Name);
            await InsertAsync(db, "dup", "dup-1", modified: 10, latest: true, published: 10);
            await InsertAsync(db, "dup", "dup-2", modified: 11, latest: true, published: 11);
            await InsertAsync(db, "dup", "dup-3", modified: 12, latest: true, published: null);
            await InsertAsync(db, "tie", "tie-a", modified: 9, latest: true, published: 9);
            await InsertAsync(db, "tie", "tie-b", modified: 9, latest: true, published: 9);
            await InsertAsync(db, "undated", "undated-a", modified: null, latest: true, published: null);
            await InsertAsync(db, "undated", "undated-b", modified: 8, latest: true, published: null);
            await InsertAsync(db, "fine", "fine-1", modified: 7, latest: false, published: 7);
            await InsertAsync(db, "fine", "fine-2", modified: 8, latest: true, published: null);
        }

        foreach (var tenant in tenants.Take(Provider == DatabaseProvider.Postgres ? 1 : tenants.Count))
        {
            await using var migrating = new TenantDbContext(database.TenantOptions(tenant), Provider == DatabaseProvider.Postgres ? "" : tenant.Name);
            await migrating.Database.MigrateAsync();
        }

        foreach (var tenant in tenants)
        {
            await using var db = new TenantDbContext(database.TenantOptions(tenant), tenant.Name);
            var rows = await db.ContentItems.AsNoTracking().ToListAsync();
            Assert.Equal(9, rows.Count);
            Assert.Equal(["dup-3", "fine-2", "tie-b", "undated-b"], rows.Where(r => r.Latest).Select(r => r.ContentItemVersionId).Order(StringComparer.Ordinal));
            Assert.Equal(["dup-2", "fine-1", "tie-b"], rows.Where(r => r.Published).Select(r => r.ContentItemVersionId).Order(StringComparer.Ordinal));
        }
    }

    private static Task<int> InsertAsync(TenantDbContext db, string item, string version, int? modified, bool latest, int? published)
    {
        DateTime? At(int? hour) => hour is { } h ? new DateTime(2020, 7, 20, h, 0, 0, DateTimeKind.Utc) : null;
        var json = $$"""{"ContentItemId":"{{item}}","ContentItemVersionId":"{{version}}","ContentType":"Article"}""";
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ContentItems" ("TenantId", "ContentItemVersionId", "ContentItemId", "ContentType", "Latest", "Published", "ModifiedUtc", "PublishedUtc", "Json")
            VALUES ({db.TenantId}, {version}, {item}, {"Article"}, {latest}, {published is not null}, {At(modified)}, {At(published)}, {json})
            """);
    }
}

public sealed class SqliteCurrentVersionRepairTests : CurrentVersionRepairContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresCurrentVersionRepairTests : CurrentVersionRepairContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
