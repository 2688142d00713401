using Cms.Content;
using Cms.Content.Handlers;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Content;

/// <summary>
/// Issue 11, item 4: a scheduled publish fires exactly once across nodes, and at least once after a failure or a crash.
/// A due row is leased to the node publishing it and dropped only once published; a node that fails or dies leaves it
/// for the next tick after the lease runs out, and a row that keeps failing is given up with its error, not lost.
/// </summary>
public abstract class ScheduledPublishingContractTests
{
    private const int Rounds = 6;
    private const string Item = "a1";

    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task TwoNodesTickingAtOncePublishADueDraftExactlyOnce()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        var probe = new PublishProbe(Item);
        await using var nodeA = await storage.StartAsync(configure: s => s.AddSingleton<IContentHandler>(probe));
        await using var nodeB = storage.BuildServices(configure: s => s.AddSingleton<IContentHandler>(probe));
        var tenant = await ArticlesAsync(nodeA);
        await nodeB.GetRequiredService<TenantRegistry>().RefreshAsync(default);
        var publishers = new[] { nodeA.GetRequiredService<ScheduledPublishing>(), nodeB.GetRequiredService<ScheduledPublishing>() };

        for (var round = 1; round <= Rounds; round++)
        {
            var before = probe.Publishes;
            await SaveDraftAsync(tenant, $"Round {round}");
            await publishers[0].ScheduleAsync(tenant.Tenant.Name, Item, storage.Time.GetUtcNow().AddMinutes(-1), "author", default);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var ticks = publishers.Select(p => Task.Run(async () =>
            {
                await go.Task;
                return await p.PublishDueAsync(default);
            })).ToList();
            go.SetResult();
            var published = await Task.WhenAll(ticks);

            Assert.True(published.Sum() == 1, $"Round {round}: the nodes reported {string.Join(" and ", published)} publishes.");
            Assert.True(probe.Publishes - before == 1, $"Round {round}: the publish ran {probe.Publishes - before} times.");
            var versions = await VersionsAsync(tenant);
            Assert.Equal($"Round {round}", Assert.Single(versions, v => v.Published).DisplayText);
            Assert.Single(versions, v => v.Latest);
            Assert.Single(versions, v => v.DisplayText == $"Round {round}");
            Assert.Null(await publishers[1].FindAsync(tenant.Tenant.Name, Item, default));
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APublishThatFailsKeepsTheScheduleAndALaterTickPublishesIt(bool throws)
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        var probe = new PublishProbe(Item) { Refuse = !throws, Throw = throws };
        await using var services = await storage.StartAsync(configure: s => s.AddSingleton<IContentHandler>(probe));
        var tenant = await ArticlesAsync(services);
        var scheduler = services.GetRequiredService<ScheduledPublishing>();
        var due = storage.Time.GetUtcNow().AddMinutes(-1);
        await scheduler.ScheduleAsync(tenant.Tenant.Name, Item, due, "author", default);

        Assert.Equal(0, await scheduler.PublishDueAsync(default));
        Assert.Equal(1, probe.Publishes);
        Assert.Equal(due, await scheduler.FindAsync(tenant.Tenant.Name, Item, default));
        Assert.DoesNotContain(await VersionsAsync(tenant), v => v.Published);
        var failed = await RowAsync(services, tenant);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains(throws ? "search index is down" : "refuses this publish", failed.LastError, StringComparison.Ordinal);

        // While the lease holds, no tick (of this node or another) takes the row again.
        storage.Time.Advance(ScheduledPublishing.CheckInterval);
        probe.Refuse = probe.Throw = false;
        Assert.Equal(0, await scheduler.PublishDueAsync(default));
        Assert.Equal(1, probe.Publishes);

        storage.Time.Advance(ScheduledPublishing.Lease);
        Assert.Equal(1, await scheduler.PublishDueAsync(default));

        Assert.Equal(2, probe.Publishes);
        Assert.Equal("Scheduled", Assert.Single(await VersionsAsync(tenant), v => v.Published).DisplayText);
        Assert.Null(await scheduler.FindAsync(tenant.Tenant.Name, Item, default));
    }

    [SkippableFact]
    public async Task ARowLeftLeasedByANodeThatDiedIsPublishedOnceTheLeaseRunsOut()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services);
        var scheduler = services.GetRequiredService<ScheduledPublishing>();
        await scheduler.ScheduleAsync(tenant.Tenant.Name, Item, storage.Time.GetUtcNow().AddMinutes(-1), "author", default);

        // What a node that took the row and died before publishing leaves behind.
        await using (var db = services.GetRequiredService<CmsDatabase>().CreateHostContext())
        {
            var leasedUntil = (storage.Time.GetUtcNow() + ScheduledPublishing.Lease).UtcDateTime;
            Assert.Equal(1, await db.ScheduledPublications.ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LeasedUntilUtc, leasedUntil).SetProperty(s => s.LeasedBy, "dead-node").SetProperty(s => s.Attempts, 1)));
        }

        Assert.Equal(0, await scheduler.PublishDueAsync(default));
        storage.Time.Advance(ScheduledPublishing.Lease);
        Assert.Equal(1, await scheduler.PublishDueAsync(default));

        Assert.Equal("Scheduled", Assert.Single(await VersionsAsync(tenant), v => v.Published).DisplayText);
        Assert.Null(await scheduler.FindAsync(tenant.Tenant.Name, Item, default));
    }

    [SkippableFact]
    public async Task ARowThatKeepsFailingIsGivenUpAfterTheLimitAndKeptWithItsError()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        using var logs = new FakeLoggerProvider();
        await using var services = await storage.StartAsync(configure: s => s.AddSingleton<ILoggerProvider>(logs));
        var tenant = await ArticlesAsync(services);
        var scheduler = services.GetRequiredService<ScheduledPublishing>();
        var due = storage.Time.GetUtcNow().AddMinutes(-1);
        await scheduler.ScheduleAsync(tenant.Tenant.Name, Item, due, "author", default);
        await using (var db = tenant.OpenDb())
        {
            Assert.True(await services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>()).DeleteAsync(Item, default));
        }

        for (var tick = 0; tick < ScheduledPublishing.MaxAttempts + 3; tick++)
        {
            Assert.Equal(0, await scheduler.PublishDueAsync(default));
            storage.Time.Advance(ScheduledPublishing.Lease);
        }

        var row = await RowAsync(services, tenant);
        Assert.Equal(ScheduledPublishing.MaxAttempts, row.Attempts);
        Assert.Equal("The item no longer exists.", row.LastError);
        Assert.Equal(due, await scheduler.FindAsync(tenant.Tenant.Name, Item, default));
        var givenUp = Assert.Single(logs.Collector.GetSnapshot(), l => l.Message.Contains("given up", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, givenUp.Level);
        Assert.Equal($"Scheduled publication of {Item} on tenant {tenant.Tenant.Name} given up after 5 attempts; the schedule is kept with its error: The item no longer exists.", givenUp.Message);

        // Scheduling it again starts its tries afresh.
        await scheduler.ScheduleAsync(tenant.Tenant.Name, Item, storage.Time.GetUtcNow().AddMinutes(-1), "author", default);
        Assert.Equal(0, (await RowAsync(services, tenant)).Attempts);
    }

    private static async Task<RecipeTenant> ArticlesAsync(IServiceProvider services)
    {
        var tenant = await RecipeTenant.CreateAsync(services, "articles");
        var result = await tenant.ImportTextAsync(Recipe(ArticleDefinition, Items(Article(Item, "Scheduled", published: false))));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return tenant;
    }

    private static async Task SaveDraftAsync(RecipeTenant tenant, string title)
    {
        await using var db = tenant.OpenDb();
        var content = tenant.Services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());
        var item = (await content.GetAsync(Item, VersionOptions.Latest, default))!;
        item.Part("TitlePart")!["Title"] = title;
        var saved = await content.SaveDraftAsync(item, "author", default);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
    }

    private static async Task<List<ContentItemRecord>> VersionsAsync(RecipeTenant tenant)
    {
        await using var db = tenant.OpenDb();
        return await db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == Item).ToListAsync();
    }

    private static async Task<ScheduledPublicationRecord> RowAsync(IServiceProvider services, RecipeTenant tenant)
    {
        await using var db = services.GetRequiredService<CmsDatabase>().CreateHostContext();
        return await db.ScheduledPublications.AsNoTracking().SingleAsync(s => s.TenantName == tenant.Tenant.Name && s.ContentItemId == Item);
    }
}

public sealed class SqliteScheduledPublishingTests : ScheduledPublishingContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresScheduledPublishingTests : ScheduledPublishingContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
