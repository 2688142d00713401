using Cms.Content.Definitions;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Tenancy;

/// <summary>
/// Issue 12, item 2: a committed change keeps the tenant's runtime unless it is one the runtime is built from
/// (definitions, features, the registry row); state that does not keep itself up to date is dropped instead of going
/// stale; and a change this node never heard of (the CLI, a lost notification) rebuilds the runtime when the registry
/// poll reads it.
/// </summary>
public sealed class ChangeAppliedToRuntimeTests
{
    [Fact]
    public async Task AContentOrSettingsChangeKeepsTheRuntimeAndADefinitionsChangeRebuildsIt()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var (runtime, runtimes) = await CreateAsync(services, "oak");
        var activations = runtimes.Activations;

        await WriteDocumentAsync(runtime, RecipeDocuments.Templates, """{"Templates":{}}""");
        await WriteDocumentAsync(runtime, SiteSettings.DocumentKey, """{"SiteName":"Oak Counseling","TimeZone":"America/New_York"}""");

        Assert.Same(runtime, runtimes.Active("oak"));
        Assert.Equal(activations, runtimes.Activations);
        Assert.Equal("Oak Counseling", runtime.Site.SiteName);

        await WriteDocumentAsync(runtime, ContentDefinitions.DocumentKey, """{"ContentTypeDefinitionRecords":[],"ContentPartDefinitionRecords":[]}""");

        Assert.Null(runtimes.Active("oak"));
    }

    [Fact]
    public async Task StateThatDoesNotKeepItselfUpToDateIsDroppedByAChangeAndChangeAwareStateIsTold()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var (runtime, _) = await CreateAsync(services, "elm");
        var plain = runtime.State(_ => new object());
        var aware = runtime.State(_ => new Recorder());

        await WriteDocumentAsync(runtime, RecipeDocuments.Templates, """{"Templates":{}}""");

        Assert.NotSame(plain, runtime.State(_ => new object()));
        Assert.Same(aware, runtime.State(_ => new Recorder()));
        Assert.Equal([ChangeKinds.Templates], aware.Kinds);
    }

    [Fact]
    public async Task AChangeThisNodeNeverHeardOfRebuildsTheRuntimeWhenThePollReadsItAndItsOwnChangesDoNot()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var (runtime, runtimes) = await CreateAsync(services, "ash");
        var registry = services.GetRequiredService<TenantRegistry>();

        // Its own change: applied when raised, so the registry poll reading its revision rebuilds nothing.
        await WriteDocumentAsync(runtime, RecipeDocuments.Templates, """{"Templates":{}}""");
        await registry.RefreshAsync(default);
        Assert.Equal(0, runtimes.ReleaseBehind());
        Assert.Same(runtime, runtimes.Active("ash"));

        // Another process (another node, the CLI) writes: this node's services are not told.
        await using (var cli = storage.BuildServices())
        {
            var settings = (await cli.GetRequiredService<TenantManager>().FindAsync("ash", default))!;
            await WriteDocumentAsync(await cli.GetRequiredService<TenantRuntimeCache>().GetAsync(settings, default), RecipeDocuments.Templates, """{"Templates":{"home":"x"}}""");
        }

        Assert.Same(runtime, runtimes.Active("ash"));
        await registry.RefreshAsync(default);

        // Behind at one poll may be a change still being applied; still behind at the next, it was missed.
        Assert.Equal(0, runtimes.ReleaseBehind());
        Assert.Equal(1, runtimes.ReleaseBehind());
        Assert.Null(runtimes.Active("ash"));
    }

    [Fact]
    public async Task AChangeHeardAfterOneThatWasLostDoesNotHideTheLostOne()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var (runtime, runtimes) = await CreateAsync(services, "fir");
        var registry = services.GetRequiredService<TenantRegistry>();

        // Another node makes two changes; the notification of the first is lost, the second is heard.
        TenantChange second;
        await using (var other = storage.BuildServices())
        {
            var store = other.GetRequiredService<TenantStore>();
            await store.TouchAsync(new TenantChange("fir", ChangeKinds.Templates, []), default);
            second = await store.TouchAsync(new TenantChange("fir", ChangeKinds.Templates, []), default);
        }

        await services.GetRequiredService<TenantChanges>().HeardAsync(second, default);

        Assert.Same(runtime, runtimes.Active("fir"));
        await registry.RefreshAsync(default);
        Assert.Equal(0, runtimes.ReleaseBehind());
        Assert.Equal(1, runtimes.ReleaseBehind());
    }

    [Fact]
    public async Task ChangesAppliedOutOfOrderLeaveTheRuntimeUpToDate()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var (runtime, runtimes) = await CreateAsync(services, "yew");
        var store = services.GetRequiredService<TenantStore>();
        var changes = services.GetRequiredService<TenantChanges>();

        // Two writers at once: the second's change is applied before the first's.
        var first = await store.TouchAsync(new TenantChange("yew", ChangeKinds.Templates, []), default);
        var second = await store.TouchAsync(new TenantChange("yew", ChangeKinds.Templates, []), default);
        await changes.HeardAsync(second, default);

        // A poll while the first is still being applied: behind, but not for long enough to be a lost change.
        await services.GetRequiredService<TenantRegistry>().RefreshAsync(default);
        Assert.Equal(0, runtimes.ReleaseBehind());
        await changes.HeardAsync(first, default);

        Assert.Equal(second.Revision, runtime.AppliedRevision);
        Assert.Equal(0, runtimes.ReleaseBehind());
        Assert.Same(runtime, runtimes.Active("yew"));
    }

    private static async Task<(TenantRuntime Runtime, TenantRuntimeCache Runtimes)> CreateAsync(ServiceProvider services, string name)
    {
        var created = await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = name, Prefix = name, AdminUserName = "admin", AdminPassword = "a-long-password-1" }, default);
        var runtimes = services.GetRequiredService<TenantRuntimeCache>();
        return (await runtimes.GetAsync(created.Tenant!, default), runtimes);
    }

    private static async Task WriteDocumentAsync(TenantRuntime runtime, string key, string json)
    {
        await using var db = runtime.CreateDbContext();
        await TenantDocuments.SetAsync(db, key, System.Text.Json.Nodes.JsonNode.Parse(json)!, DateTimeOffset.UtcNow, default);
    }

    private sealed class Recorder : IChangeAwareState
    {
        public List<ChangeKinds> Kinds { get; } = [];

        public Task ChangedAsync(TenantChange change, CancellationToken cancellationToken)
        {
            Kinds.Add(change.Kinds);
            return Task.CompletedTask;
        }
    }
}
