using Cms.Content;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 4: a removal runs every store's removal handler and is reported done only when all of them
/// are; one that fails leaves the practice disabled and says which store failed, and a new practice of a
/// removed one's name starts from nothing.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class TenantRemovalTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AStoreThatFailsLeavesThePracticeDisabledSaysWhichAndTheRemovalCanBeRetried(DatabaseProvider provider)
    {
        var archive = new ArchiveRemoval { Up = true };
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync(configure: s => s.AddSingleton<ITenantRemovalHandler>(archive));
        var manager = services.GetRequiredService<TenantManager>();
        await manager.CreateAsync(new CreateTenantRequest { Name = "oak", Prefix = "oak", AdminUserName = "ann", AdminPassword = "a-long-password" }, default);
        archive.Up = false;
        archive.Removed.Clear();

        var failed = await manager.RemoveAsync("oak", default);

        Assert.Equal(TenantFailure.RemovalFailed, failed.Failure);
        var message = Assert.Single(failed.Errors);
        Assert.Contains("the practice's archive copy", message, StringComparison.Ordinal);
        Assert.Contains("the archive server is down", message, StringComparison.Ordinal);
        Assert.Contains("left disabled", message, StringComparison.Ordinal);
        Assert.Equal(TenantState.Disabled, (await manager.FindAsync("oak", default))!.State);

        archive.Up = true;
        var retried = await manager.RemoveAsync("oak", default);

        Assert.True(retried.Succeeded, string.Join(" ", retried.Errors));
        Assert.Null(await manager.FindAsync("oak", default));
        Assert.Equal(["oak"], archive.Removed);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ANewPracticeStartsFromNothingEvenWhereSomethingWasLeftUnderItsName(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var manager = services.GetRequiredService<TenantManager>();
        var database = services.GetRequiredService<CmsDatabase>();
        // What a removal made by an older version left behind: the media folder and a scheduled publication.
        var leftMedia = Path.Combine(storage.DataPath, "Sites", "oak", "Media", "photo.png");
        Directory.CreateDirectory(Path.GetDirectoryName(leftMedia)!);
        await File.WriteAllBytesAsync(leftMedia, [1, 2, 3]);
        await services.GetRequiredService<ScheduledPublishing>().ScheduleAsync("oak", "olddraft", storage.Time.GetUtcNow().AddDays(1), "ann", default);
        if (provider == DatabaseProvider.Postgres)
        {
            var stray = new TenantSettings("oak", TenantState.Running, [], "oak", null, null, storage.Time.GetUtcNow());
            await using var db = new TenantDbContext(database.TenantOptions(stray), "oak");
            db.ViewCounts.Add(new ViewCountRecord { TenantId = "oak", ContentItemId = "oldarticle", Views = 35 });
            await db.SaveChangesAsync();
        }

        var created = (await manager.CreateAsync(new CreateTenantRequest { Name = "oak", Prefix = "oak" }, default)).Tenant!;

        Assert.False(File.Exists(leftMedia));
        Assert.Null(await services.GetRequiredService<ScheduledPublishing>().FindAsync("oak", "olddraft", default));
        await using var fresh = new TenantDbContext(database.TenantOptions(created), created.Name);
        Assert.Empty(await fresh.ViewCounts.ToListAsync());
    }

    [SkippableFact]
    public async Task APracticeWithADatabaseOfItsOwnLeavesNoRowThere()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        await using var own = await PostgresTestDatabase.CreateAsync();
        await using var services = await storage.StartAsync();
        var manager = services.GetRequiredService<TenantManager>();
        var database = services.GetRequiredService<CmsDatabase>();
        var oak = (await manager.CreateAsync(new CreateTenantRequest { Name = "oak", Prefix = "oak", ConnectionString = own.ConnectionString, AdminUserName = "ann", AdminPassword = "a-long-password" }, default)).Tenant!;
        await using (var db = new TenantDbContext(database.TenantOptions(oak), oak.Name))
        {
            db.ViewCounts.Add(new ViewCountRecord { TenantId = oak.Name, ContentItemId = "article", Views = 35 });
            await db.SaveChangesAsync();
        }

        Assert.True((await manager.RemoveAsync("oak", default)).Succeeded);

        await using var check = new TenantDbContext(database.TenantOptions(oak), oak.Name);
        Assert.Empty(await check.Users.ToListAsync());
        Assert.Empty(await check.Documents.ToListAsync());
        Assert.Empty(await check.ViewCounts.ToListAsync());
    }

    /// <summary>A module's store, which may be unreachable at the moment of a removal as a real one may be.</summary>
    private sealed class ArchiveRemoval : ITenantRemovalHandler
    {
        public bool Up { get; set; }

        public List<string> Removed { get; } = [];

        public string Removes => "the practice's archive copy";

        public Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken)
        {
            if (!Up)
            {
                throw new IOException("the archive server is down");
            }

            Removed.Add(tenant.Name);
            return Task.CompletedTask;
        }
    }
}
